namespace Qdms.Core.Devices.Bulk;

/// <summary>A bulk job with its tasks counted by status.</summary>
public sealed record BulkTaskProgress(BulkTaskJob Job, long Waiting, long Sent, long Done, long Failed, long Expired)
{
    /// <summary>True once queuing has ended and every task is done, failed or expired.</summary>
    public bool Finished => Job.State != BulkTaskState.Queuing && Waiting == 0 && Sent == 0;
}
