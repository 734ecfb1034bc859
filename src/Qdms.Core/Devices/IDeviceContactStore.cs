namespace Qdms.Core.Devices;

/// <summary>Records many devices' contacts at once (group commit for engines under load).</summary>
public interface IDeviceContactStore
{
    /// <summary>
    /// Records every contact in one transaction: all durable when the task completes, or none (the task fails). For each contact,
    /// true when it was recorded; false when its device no longer owns its identity (deleted, or the identity moved): nothing of
    /// that contact is written and the caller should resolve the identity again.
    /// </summary>
    Task<IReadOnlyList<bool>> RecordAsync(IReadOnlyList<DeviceContact> contacts, CancellationToken ct);
}
