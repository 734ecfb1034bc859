namespace Qdms.Core.Scenarios;

/// <summary>A run of a scenario: against which device or target, by whom, its state and verdict, and its result (JSON).</summary>
/// <param name="Verdict">pass, fail or error once ended; null while running.</param>
/// <param name="ResultJson">KPIs, thresholds and step results as JSON, once ended.</param>
/// <param name="Node">The node (host name) that runs it: only it can pause or stop it, and only it marks it abandoned after a restart.</param>
public sealed record ScenarioRunRecord(
    long Id,
    long TenantId,
    long ScenarioId,
    int ScenarioRevision,
    long? DeviceId,
    string? Target,
    ScenarioRunState State,
    string? Verdict,
    string? Message,
    string RequestedBy,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string? ResultJson,
    string Node);
