using System.Text.Json;

namespace Qdms.Contracts;

/// <summary>A device event. <see cref="Severity"/> is info, warning, minor, major or critical; <see cref="Data"/> is the source's details.</summary>
public sealed record DeviceEventDto(
    long Id,
    long? TenantId,
    long? DeviceId,
    string Source,
    string Type,
    string Severity,
    DateTimeOffset Time,
    string Message,
    string? Origin,
    JsonElement? Data);
