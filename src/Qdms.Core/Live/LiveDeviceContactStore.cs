using Qdms.Core.Devices;

namespace Qdms.Core.Live;

/// <summary>The engines' group-commit contact store (TR-069 informs), publishing each recorded contact and the events it carried.</summary>
internal sealed class LiveDeviceContactStore(IDeviceContactStore inner, LiveHub hub, DeviceTenants tenants) : IDeviceContactStore
{
    public async Task<IReadOnlyList<bool>> RecordAsync(IReadOnlyList<DeviceContact> contacts, CancellationToken ct)
    {
        var recorded = await inner.RecordAsync(contacts, ct);
        if (!hub.HasSubscribers)
        {
            return recorded;
        }

        for (var i = 0; i < contacts.Count && i < recorded.Count; i++)
        {
            if (!recorded[i])
            {
                continue;
            }

            var contact = contacts[i];
            // An Inform carries at least one event, which names the tenant: no look-up on the group commit's path.
            var known = contact.Events.FirstOrDefault(e => e.TenantId is not null)?.TenantId;
            if ((known ?? await LiveDeviceStore.TenantOfAsync(tenants, contact.DeviceId)) is { } tenant)
            {
                hub.Publish(new DeviceChanged(contact.DeviceId, tenant, contact.Report.Status, contact.Time));
            }

            foreach (var e in contact.Events)
            {
                hub.Publish(new EventAdded(e));
            }
        }

        return recorded;
    }
}
