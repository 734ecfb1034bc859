namespace Qdms.Core.Events;

/// <summary>A stored device event (see <see cref="NewDeviceEvent"/> for the fields).</summary>
public sealed record DeviceEvent(
    long Id,
    long? TenantId,
    long? DeviceId,
    string Source,
    string Type,
    EventSeverity Severity,
    DateTimeOffset Time,
    string Message,
    string? Origin,
    string? DataJson);
