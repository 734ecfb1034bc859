namespace Qdms.Contracts;

/// <summary>How many devices share one value; <see cref="Key"/> null for devices without the attribute (no model reported …).</summary>
public sealed record DeviceGroupCountDto(string? Key, long Count);

/// <summary>
/// The caller's devices counted by status (every status that has devices) and by protocol, model and firmware version (the
/// largest groups, largest first, at most the requested limit each; <see cref="Total"/> minus their sum is "other").
/// </summary>
public sealed record DeviceAggregatesDto(
    long Total,
    IReadOnlyList<DeviceGroupCountDto> ByStatus,
    IReadOnlyList<DeviceGroupCountDto> ByProtocol,
    IReadOnlyList<DeviceGroupCountDto> ByModel,
    IReadOnlyList<DeviceGroupCountDto> ByFirmwareVersion);
