namespace Qdms.Core.Devices;

/// <summary>
/// One way a device is known over one protocol: CWMP <c>OUI-ProductClass-Serial</c>, an LwM2M endpoint name, an SNMP address,
/// an MQTT client id. A (protocol, key) pair belongs to at most one device system-wide, so one box seen over several protocols is one device.
/// </summary>
/// <param name="Protocol">Lowercase protocol name: <c>tr069</c>, <c>lwm2m</c>, <c>snmp</c>, <c>mqtt</c>, <c>ping</c> …</param>
/// <param name="Key">The device's name in that protocol.</param>
public sealed record DeviceIdentity(string Protocol, string Key)
{
    /// <summary>The text form used by CSV and the CLI: <c>protocol:key</c>.</summary>
    public override string ToString() => $"{Protocol}:{Key}";
}
