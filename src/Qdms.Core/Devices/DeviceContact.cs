using Qdms.Core.Events;

namespace Qdms.Core.Devices;

/// <summary>
/// One contact of a known device as an engine saw it (a TR-069 Inform): the report for the device row, the parameter values it
/// carried and the events it raised. Recorded with many others in one transaction by <see cref="IDeviceContactStore"/>.
/// </summary>
/// <param name="DeviceId">The device the engine resolved <paramref name="Identity"/> to (possibly from a cache).</param>
/// <param name="Identity">The identity the device was found by; the contact is recorded only while the device still owns it.</param>
/// <param name="Report">Each non-null field replaces the stored one; the last contact becomes <paramref name="Time"/>.</param>
/// <param name="Time">When the contact happened.</param>
/// <param name="Parameters">Values to store; a row whose value and type are unchanged is left as it is (its writable flag always is).</param>
/// <param name="Events">Events to append.</param>
public sealed record DeviceContact(
    long DeviceId,
    DeviceIdentity Identity,
    DeviceReport Report,
    DateTimeOffset Time,
    IReadOnlyList<DeviceParameter> Parameters,
    IReadOnlyList<NewDeviceEvent> Events);
