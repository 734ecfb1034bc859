namespace Qdms.Core.Devices.Bulk;

/// <summary>Where the queuing of a bulk job stands: Queuing while batches are written, then Queued; Interrupted when it stopped part-way.</summary>
public enum BulkTaskState
{
    Queuing = 0,
    Queued = 1,
    Interrupted = 2,
}
