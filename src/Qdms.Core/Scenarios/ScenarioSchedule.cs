namespace Qdms.Core.Scenarios;

/// <summary>Runs a scenario every <see cref="IntervalSeconds"/> against one device or every device of a group.</summary>
public sealed record ScenarioSchedule(
    long Id,
    long TenantId,
    long ScenarioId,
    long? DeviceId,
    string? DeviceGroup,
    int IntervalSeconds,
    DateTimeOffset NextRunAt,
    DateTimeOffset CreatedAt,
    string CreatedBy);
