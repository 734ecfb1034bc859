namespace Qdms.Core.Devices;

/// <summary>The device an identity resolved to, and whether it was created by this call.</summary>
public sealed record DeviceResolution(Device Device, bool Created);
