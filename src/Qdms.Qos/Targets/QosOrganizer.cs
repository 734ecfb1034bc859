using Qdms.Core.Devices;
using Qdms.Core.Qos;
using Qdms.Core.Security;
using Qdms.Qos.Journal;

namespace Qdms.Qos.Targets;

/// <summary>
/// Re-reads the measured devices from the inventory — every device with an address, in every tenant — records them in
/// <c>qos_devices</c>/<c>qos_systems</c> and publishes the new target snapshot. Runs every
/// <c>measurement.organizer.job.interval</c> and on <c>mgmt/reload</c>; passes never overlap.
/// </summary>
public sealed class QosOrganizer(IDeviceStore inventory, IQosDeviceStore store, QosTargets targets, QosJournal journal, TimeProvider time)
{
    private const string Logger = "qos.organizer";
    private const int PageSize = 1000;
    private readonly SemaphoreSlim _one = new(1, 1);

    public async Task<QosSyncResult> SyncAsync(CancellationToken ct)
    {
        await _one.WaitAsync(ct);
        try
        {
            var found = new List<QosTrackedDevice>();
            var after = 0L;
            while (true)
            {
                var page = await inventory.ListAfterAsync(TenantScope.All, new DeviceQuery(), after, PageSize, ct);
                foreach (var d in page)
                {
                    if (TargetAddress.HostOf(d.Address) is { } host)
                    {
                        found.Add(new QosTrackedDevice(d.Id, d.TenantId, d.Name, host, DeviceQosTags.Systems(d), DeviceQosTags.AugmentedGroups(d)));
                    }
                }

                if (page.Count < PageSize)
                {
                    break;
                }

                after = page[^1].Id;
            }

            var before = targets.Current.Devices.Count;
            var result = await store.SyncAsync(found, time.GetUtcNow(), ct);
            targets.Publish(new QosTargetSet(found));
            if (result.DevicesRemoved > 0 || result.SystemsRemoved > 0 || before != found.Count)
            {
                journal.Info(Logger, $"Synchronised: {result.DevicesFound} devices, {result.SystemsFound} systems; {result.DevicesRemoved} devices and {result.SystemsRemoved} systems left");
            }

            return result;
        }
        finally
        {
            _one.Release();
        }
    }
}
