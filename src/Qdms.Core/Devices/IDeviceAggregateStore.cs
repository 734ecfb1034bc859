using Qdms.Core.Security;

namespace Qdms.Core.Devices;

/// <summary>Counts of a scope's devices grouped by one attribute, for dashboards.</summary>
public interface IDeviceAggregateStore
{
    /// <summary>
    /// The <paramref name="limit"/> largest groups of the scope's devices by <paramref name="dimension"/>, largest first (ties by
    /// key). A device with several identities of one protocol counts once for it; a null key is a device without the attribute.
    /// </summary>
    Task<IReadOnlyList<DeviceGroupCount>> CountByAsync(TenantScope scope, DeviceDimension dimension, int limit, CancellationToken ct);

    /// <summary>
    /// The whole dashboard summary of the scope's devices, exact at the moment it is read: status, model and firmware version
    /// in one pass over one covering index, protocols in a second read beside it. At most <paramref name="limit"/> groups per
    /// dimension (statuses are all returned).
    /// </summary>
    Task<DeviceSummary> SummarizeAsync(TenantScope scope, int limit, CancellationToken ct);
}
