using Qdms.Core.Audit;
using Qdms.Core.Errors;
using Qdms.Core.Security;

namespace Qdms.Core.Devices;

/// <summary>Asks a device to contact its engine now (operators), through whichever running engine manages it; audited.</summary>
public sealed class DeviceWakeService(IDeviceStore devices, DeviceWakers wakers, AuditLog audit)
{
    public async Task<DeviceWakeResult> WakeAsync(Caller caller, long deviceId, CancellationToken ct)
    {
        caller.Require(Role.Operator);
        var device = await devices.GetAsync(deviceId, caller.Scope, ct) ?? throw NotFoundException.For("device", deviceId);
        var result = await wakers.WakeAsync(device, ct);
        var outcome = result.Status.ToString().ToLowerInvariant();
        await audit.RecordAsync(caller, "device.wake", $"device/{device.Id}", device.TenantId,
            result.Error is null ? $"{result.Channel} {outcome}" : $"{result.Channel ?? "no channel"} {outcome}: {result.Error}", ct);
        return result;
    }
}
