using Qdms.Core.Paging;
using Qdms.Core.Security;

namespace Qdms.Core.Events;

/// <summary>Device events, newest first.</summary>
public interface IDeviceEventStore
{
    /// <summary>Stores many events in one transaction.</summary>
    Task AppendAsync(IReadOnlyList<NewDeviceEvent> events, CancellationToken ct);

    /// <summary>
    /// One page of the events in <paramref name="scope"/> matching <paramref name="query"/>, newest first, with the total.
    /// Events of unknown sources (no tenant) are only in the all-tenants scope.
    /// </summary>
    Task<Page<DeviceEvent>> ListAsync(TenantScope scope, DeviceEventQuery query, PageRequest page, CancellationToken ct);

    /// <summary>Deletes events older than <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken ct);
}
