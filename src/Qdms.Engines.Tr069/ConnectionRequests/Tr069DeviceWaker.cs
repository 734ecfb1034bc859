using Qdms.Core.Devices;

namespace Qdms.Engines.Tr069.ConnectionRequests;

/// <summary>
/// A running tr069 engine's part in <see cref="DeviceWakers"/>: it claims devices with a <c>tr069</c> identity, and claims them
/// most strongly when the ACS URL the device reported (<c>ManagementServer.URL</c>) names this engine's port.
/// </summary>
internal sealed class Tr069DeviceWaker(ConnectionRequester requester, int boundPort) : IDeviceWaker
{
    public async Task<DeviceWakeClaim> ClaimAsync(Device device, CancellationToken ct)
    {
        if (!device.Identities.Any(i => i.Protocol == "tr069"))
        {
            return DeviceWakeClaim.None;
        }

        return await requester.AcsUrlAsync(device.Id, ct) is { } acs && acs.Port == boundPort ? DeviceWakeClaim.Serving : DeviceWakeClaim.Able;
    }

    public Task<DeviceWakeResult> WakeAsync(Device device, CancellationToken ct) => requester.RequestAsync(device.Id, ct);
}
