namespace Qdms.Core.Devices;

/// <summary>
/// Filters of the device list; all given ones must match. <see cref="Search"/> is a case-insensitive prefix of the name,
/// serial, model, manufacturer or any identity key. <see cref="Group"/> matches the provision group or the update group.
/// <see cref="Model"/> and <see cref="FirmwareVersion"/> match exactly ("" matches devices without one).
/// </summary>
public sealed record DeviceQuery(
    string? Search = null,
    string? Protocol = null,
    string? Group = null,
    string? Tag = null,
    DeviceStatus? Status = null,
    string? Model = null,
    string? FirmwareVersion = null);
