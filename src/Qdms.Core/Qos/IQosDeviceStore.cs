namespace Qdms.Core.Qos;

/// <summary>
/// The evaluator's own view of the devices it measures (table <c>qos_devices</c>, <c>qos_systems</c>): which are present
/// in the inventory, their system names, and when each was last active, so inactive ones can be forgotten.
/// </summary>
public interface IQosDeviceStore
{
    /// <summary>
    /// Records <paramref name="present"/> as the devices measured from now on (active at <paramref name="now"/>, system names
    /// replaced); every other known device is marked absent. One transaction. Returns the counts of what was found and what left.
    /// </summary>
    Task<QosSyncResult> SyncAsync(IReadOnlyList<QosTrackedDevice> present, DateTimeOffset now, CancellationToken ct);

    /// <summary>Marks devices as active at <paramref name="now"/> (a measurement answered).</summary>
    Task MarkActiveAsync(IReadOnlyCollection<long> deviceIds, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Forgets absent devices last active before <paramref name="cutoff"/> that have no raw measurement left
    /// (<c>inactive.device.max.age</c>); returns how many.
    /// </summary>
    Task<int> ForgetInactiveAsync(DateTimeOffset cutoff, CancellationToken ct);

    /// <summary>Every known device id with its presence flag (tests and the reload report).</summary>
    Task<IReadOnlyDictionary<long, bool>> ListKnownAsync(CancellationToken ct);
}
