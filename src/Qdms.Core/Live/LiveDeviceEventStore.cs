using Qdms.Core.Events;
using Qdms.Core.Paging;
using Qdms.Core.Security;

namespace Qdms.Core.Live;

/// <summary>The event store, publishing each event once its batch is stored.</summary>
internal sealed class LiveDeviceEventStore(IDeviceEventStore inner, LiveHub hub) : IDeviceEventStore
{
    public async Task AppendAsync(IReadOnlyList<NewDeviceEvent> events, CancellationToken ct)
    {
        await inner.AppendAsync(events, ct);
        foreach (var e in events)
        {
            hub.Publish(new EventAdded(e));
        }
    }

    public Task<Page<DeviceEvent>> ListAsync(TenantScope scope, DeviceEventQuery query, PageRequest page, CancellationToken ct) =>
        inner.ListAsync(scope, query, page, ct);

    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken ct) => inner.DeleteOlderThanAsync(cutoff, ct);
}
