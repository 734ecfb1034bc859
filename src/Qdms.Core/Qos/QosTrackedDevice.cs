namespace Qdms.Core.Qos;

/// <summary>
/// A device the QoS evaluator measures, as the organizer found it in the inventory: where to reach it, the Arrowhead
/// system names it hosts and the device-agent OID groups it advertises.
/// </summary>
/// <param name="Systems">Arrowhead system names, distinct, in ordinal order (the device name first when it is one).</param>
/// <param name="AugmentedGroups">OID groups of its device agent (<c>1.4</c>, <c>2.1</c>, <c>3.1</c>, <c>3.2</c> …); empty: RTT only.</param>
public sealed record QosTrackedDevice(
    long DeviceId,
    long TenantId,
    string Name,
    string Address,
    IReadOnlyList<string> Systems,
    IReadOnlyList<string> AugmentedGroups);
