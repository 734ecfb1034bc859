using System.Text.Json;

namespace Qdms.Contracts;

/// <summary>
/// A DM engine instance with its live status. <see cref="State"/> is <c>active</c>, <c>inactive</c>, <c>starting</c> or
/// <c>failed</c>; <see cref="DesiredState"/> <c>running</c> or <c>stopped</c>. <see cref="Config"/> has secret fields masked.
/// </summary>
public sealed record EngineDto(
    long Id,
    string Type,
    string Alias,
    int Index,
    string State,
    string DesiredState,
    string? LastError,
    IReadOnlyDictionary<string, string> Details,
    JsonElement Config,
    string? Node,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>AddDmEngine. <see cref="Config"/> is a JSON object; keys left out take the type's defaults.</summary>
public sealed record AddEngineRequest(string Type, string Alias, JsonElement? Config);

public sealed record EngineConfigFieldDto(string Name, string Kind, string Description, bool Secret);

/// <summary>An engine type with its config keys and defaults.</summary>
public sealed record EngineTypeDto(string Name, string Description, JsonElement DefaultConfig, IReadOnlyList<EngineConfigFieldDto> Fields);

/// <summary>A job or other part the service starts and stops with the engines.</summary>
public sealed record ServiceComponentDto(string Name, bool Running, string? LastError);

/// <summary>
/// ReportQdmsService: <see cref="State"/> is <c>running</c> or <c>stopped</c>; <see cref="HasErrors"/> is true when an engine
/// failed or a component reported an error.
/// </summary>
public sealed record ServiceReportDto(
    string State,
    DateTimeOffset? StartedAt,
    double UptimeSeconds,
    string Node,
    int EngineCount,
    int ActiveCount,
    int FailedCount,
    bool HasErrors,
    IReadOnlyList<EngineDto> Engines,
    IReadOnlyList<ServiceComponentDto> Components,
    DeviceSummaryDto Devices,
    IReadOnlyList<FileServerDto> FileServers);

/// <summary>The caller's devices: how many, and how many in each status.</summary>
public sealed record DeviceSummaryDto(long Total, IReadOnlyDictionary<string, long> ByStatus);
