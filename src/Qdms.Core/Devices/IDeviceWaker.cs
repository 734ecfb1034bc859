namespace Qdms.Core.Devices;

/// <summary>
/// A running protocol engine that can ask a device to contact it now (a TR-069 connection request, an LwM2M registration
/// update trigger …). Engines register theirs with <see cref="DeviceWakers"/> while they are active. Implementations are
/// thread-safe and never throw for a device they cannot wake: they say why in the result.
/// </summary>
public interface IDeviceWaker
{
    /// <summary>How well this engine can wake <paramref name="device"/>; <see cref="DeviceWakeClaim.None"/> when it does not manage it at all.</summary>
    Task<DeviceWakeClaim> ClaimAsync(Device device, CancellationToken ct);

    /// <summary>Asks the device to open a session now; returns once the device accepted or refused, or could not be reached.</summary>
    Task<DeviceWakeResult> WakeAsync(Device device, CancellationToken ct);
}
