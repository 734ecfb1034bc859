namespace Qdms.Core.Devices;

/// <summary>
/// A scope's devices counted by status (every status that has devices) and by protocol, model and firmware version (the
/// largest groups, largest first, ties by key with the null group last).
/// </summary>
public sealed record DeviceSummary(
    long Total,
    IReadOnlyDictionary<DeviceStatus, long> ByStatus,
    IReadOnlyList<DeviceGroupCount> ByProtocol,
    IReadOnlyList<DeviceGroupCount> ByModel,
    IReadOnlyList<DeviceGroupCount> ByFirmwareVersion);
