namespace Qdms.Core.Devices;

/// <summary>How many devices share one value of a <see cref="DeviceDimension"/>; <see cref="Key"/> null for devices without one.</summary>
public sealed record DeviceGroupCount(string? Key, long Count);
