namespace Qdms.Contracts;

/// <summary>A stored scenario: its text as written, the revision (rises with each edit) and, for a saved-as copy, where it came from.</summary>
public sealed record ScenarioDto(
    long Id,
    long TenantId,
    string Name,
    string Text,
    int Revision,
    long? DerivedFromId,
    int? DerivedFromRevision,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset UpdatedAt,
    string UpdatedBy);

/// <summary>A scenario without its text, for lists.</summary>
public sealed record ScenarioSummaryDto(long Id, long TenantId, string Name, int Revision, long? DerivedFromId, DateTimeOffset UpdatedAt, string UpdatedBy);

/// <summary>Stores a new scenario. <see cref="Name"/> defaults to the text's <c>name</c>.</summary>
public sealed record CreateScenarioRequest(string Text, string? Name = null, long? TenantId = null);

/// <summary>Replaces a scenario's text. With <see cref="Revision"/> the edit only applies to that revision (409 otherwise).</summary>
public sealed record UpdateScenarioRequest(string Text, int? Revision = null);

/// <summary>"Save as": a copy under a new name that records the scenario and revision it came from; the original stays.</summary>
public sealed record SaveScenarioAsRequest(string Name);

/// <summary>Checks a scenario text without storing it.</summary>
public sealed record ValidateScenarioRequest(string Text);

/// <summary>One problem in a scenario text: 1-based line and column (0 when unknown), the path, the message.</summary>
public sealed record ScenarioProblemDto(int Line, int Column, string Path, string Message);

/// <summary>The outcome of a validation.</summary>
public sealed record ScenarioValidationDto(bool Valid, string? Name, int StepCount, IReadOnlyList<ScenarioProblemDto> Problems);

/// <summary>
/// Starts runs: against one device (its address, or its <c>serial</c> identity for serial scenarios), every device of a group
/// (provision or update group), or an explicit target; with none of them, against the scenario's own transport.
/// </summary>
public sealed record StartScenarioRunRequest(
    long? DeviceId = null,
    string? Group = null,
    string? Target = null,
    string? StartAt = null,
    IReadOnlyDictionary<string, string>? Variables = null);

/// <summary>A run: <see cref="State"/> is running, completed, aborted, limit-reached, stopped or error; <see cref="Verdict"/> pass, fail or error.</summary>
public sealed record ScenarioRunDto(
    long Id,
    long TenantId,
    long ScenarioId,
    int ScenarioRevision,
    long? DeviceId,
    string? Target,
    string State,
    string? Verdict,
    string? Message,
    string RequestedBy,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    ScenarioRunResultDto? Result);

/// <summary>What a run measured.</summary>
public sealed record ScenarioRunResultDto(
    string Status,
    string Verdict,
    string? Message,
    double DurationSeconds,
    ScenarioKpisDto Kpis,
    IReadOnlyList<ScenarioThresholdDto> Thresholds,
    IReadOnlyList<ScenarioStepResultDto> Steps,
    int StepsOmitted,
    IReadOnlyDictionary<string, IReadOnlyList<long>> TimersMicros,
    IReadOnlyList<long> FlaggedFrames,
    IReadOnlyList<ScenarioReceivedFrameDto> ReceiveBuffer);

/// <summary>
/// The KPIs: service success ratio (served / attempts) with its 95 % Wilson interval, response-time percentiles in seconds
/// (µs resolution), and the counts kept apart.
/// </summary>
public sealed record ScenarioKpisDto(
    long Attempts,
    long Served,
    double? Ssr,
    double SsrLow,
    double SsrHigh,
    long Timeouts,
    long Failures,
    long Retries,
    long Unexpected,
    long FramesReceived,
    long BadPackets,
    long ResponseCount,
    double? P50,
    double? P90,
    double? P95,
    double? P99,
    double? Mean,
    double? Min,
    double? Max,
    IReadOnlyDictionary<string, long> Counters);

/// <summary>A threshold and the value it was checked against.</summary>
public sealed record ScenarioThresholdDto(string Threshold, double? Actual, bool Passed);

/// <summary>One step execution.</summary>
public sealed record ScenarioStepResultDto(string Step, int Iteration, int Attempt, int Retry, string? Item, string Status, long? ResponseMicros, string? Matched, string? Message);

/// <summary>A frame of the receive buffer with its decoded fields.</summary>
public sealed record ScenarioReceivedFrameDto(long Ordinal, long Micros, string Hex, IReadOnlyDictionary<string, string>? Fields);

/// <summary>Runs a scenario every <see cref="IntervalSeconds"/> against a device or a group.</summary>
public sealed record CreateScenarioScheduleRequest(int IntervalSeconds, long? DeviceId = null, string? Group = null);

public sealed record ScenarioScheduleDto(long Id, long ScenarioId, long? DeviceId, string? Group, int IntervalSeconds, DateTimeOffset NextRunAt, string CreatedBy);
