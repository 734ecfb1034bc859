namespace Qdms.Core.Events;

/// <summary>
/// Something a device or an engine reported: a TR-069 event code, an SNMP trap, a failed scenario threshold.
/// </summary>
/// <param name="TenantId">The device's tenant; null with a null <paramref name="DeviceId"/> for an unknown source (only sysops see those).</param>
/// <param name="DeviceId">The device it concerns; null when the source matched no device.</param>
/// <param name="Source">Who reported it, lower-case: <c>snmp</c>, <c>tr069</c>, <c>scenario</c>, <c>qos</c> …</param>
/// <param name="Type">What happened, in the source's terms: <c>trap</c>, <c>inform</c>, <c>1 BOOT</c>, <c>threshold</c> …</param>
/// <param name="Message">One line for people.</param>
/// <param name="Origin">Where it came from on the network (<c>udp:192.0.2.7:161</c>), when known; kept for unknown sources.</param>
/// <param name="DataJson">The details as a JSON object (varbinds, event arguments), or null.</param>
public sealed record NewDeviceEvent(
    long? TenantId,
    long? DeviceId,
    string Source,
    string Type,
    EventSeverity Severity,
    DateTimeOffset Time,
    string Message,
    string? Origin = null,
    string? DataJson = null);
