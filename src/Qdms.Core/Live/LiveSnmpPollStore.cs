using Qdms.Core.Devices;
using Qdms.Core.Snmp;

namespace Qdms.Core.Live;

/// <summary>The SNMP engine's batched writes, publishing contacts (online) and status changes.</summary>
internal sealed class LiveSnmpPollStore(ISnmpPollStore inner, LiveHub hub, DeviceTenants tenants) : ISnmpPollStore
{
    public Task WriteParametersAsync(IReadOnlyList<DeviceParameter> parameters, CancellationToken ct) => inner.WriteParametersAsync(parameters, ct);

    public async Task RecordContactsAsync(IReadOnlyList<long> deviceIds, DateTimeOffset now, CancellationToken ct)
    {
        await inner.RecordContactsAsync(deviceIds, now, ct);
        if (!hub.HasSubscribers)
        {
            return;
        }

        foreach (var id in deviceIds)
        {
            if (await LiveDeviceStore.TenantOfAsync(tenants, id) is { } tenant)
            {
                hub.Publish(new DeviceChanged(id, tenant, DeviceStatus.Online, now));
            }
        }
    }

    public async Task SetStatusAsync(long deviceId, DeviceStatus status, DateTimeOffset now, CancellationToken ct)
    {
        await inner.SetStatusAsync(deviceId, status, now, ct);
        if (hub.HasSubscribers && await LiveDeviceStore.TenantOfAsync(tenants, deviceId) is { } tenant)
        {
            hub.Publish(new DeviceChanged(deviceId, tenant, status, null));
        }
    }

    public Task<IReadOnlyList<DeviceTask>> ListDueTasksAsync(DateTimeOffset now, int limit, CancellationToken ct) => inner.ListDueTasksAsync(now, limit, ct);
}
