namespace Qdms.Core.Devices;

/// <summary>
/// One value of a device's data model under its native path (<c>Device.DeviceInfo.SoftwareVersion</c>, <c>/3/0/3</c>,
/// <c>1.3.6.1.2.1.1.5.0</c>). <see cref="Type"/> is a short name: <c>string</c>, <c>int</c>, <c>unsignedInt</c>, <c>bool</c>, <c>datetime</c> …
/// </summary>
public sealed record DeviceParameter(long DeviceId, string Path, string? Value, string Type, bool Writable, DateTimeOffset UpdatedAt);
