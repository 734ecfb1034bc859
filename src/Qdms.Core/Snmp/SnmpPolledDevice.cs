using Qdms.Core.Devices;

namespace Qdms.Core.Snmp;

/// <summary>An SNMP device as the engine sees it: its settings, tags (for group assignments) and last known status.</summary>
public sealed record SnmpPolledDevice(SnmpDeviceSettings Settings, IReadOnlyList<string> Tags, DeviceStatus Status);
