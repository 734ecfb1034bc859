using Qdms.Core.Security;

namespace Qdms.Core.Devices.Bulk;

/// <summary>
/// Bulk jobs and the batches of tasks they queue. Each batch is its own short transaction that also adds its count to the job,
/// so a job never holds the database for long and its <see cref="BulkTaskJob.Queued"/> always equals the tasks written.
/// </summary>
public interface IBulkTaskStore
{
    /// <summary>How many devices in <paramref name="scope"/> match <paramref name="filter"/>.</summary>
    Task<long> CountAsync(TenantScope scope, DeviceQuery filter, CancellationToken ct);

    /// <summary>The ids among <paramref name="ids"/> that are not devices in <paramref name="scope"/>.</summary>
    Task<IReadOnlyList<long>> FindMissingAsync(TenantScope scope, IReadOnlyList<long> ids, CancellationToken ct);

    Task<BulkTaskJob> CreateJobAsync(long? tenantId, string kind, string? arguments, string selection, long matched, string createdBy, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Queues the task for up to <paramref name="limit"/> devices matching <paramref name="filter"/> with ids above
    /// <paramref name="afterId"/>, in id order. Returns how many and the last device id (0 when none).
    /// </summary>
    Task<(int Count, long LastId)> QueueFilterBatchAsync(long jobId, TenantScope scope, DeviceQuery filter, long afterId, int limit, BulkTaskTemplate task, CancellationToken ct);

    /// <summary>Queues the task for the devices of <paramref name="ids"/> that are in <paramref name="scope"/>. Returns how many.</summary>
    Task<int> QueueIdsBatchAsync(long jobId, TenantScope scope, IReadOnlyList<long> ids, BulkTaskTemplate task, CancellationToken ct);

    Task FinishJobAsync(long jobId, BulkTaskState state, DateTimeOffset now, CancellationToken ct);

    Task<BulkTaskJob?> GetAsync(long id, TenantScope scope, CancellationToken ct);

    /// <summary>The job's tasks counted by status (statuses with none are left out).</summary>
    Task<IReadOnlyDictionary<DeviceTaskStatus, long>> CountTasksAsync(long jobId, CancellationToken ct);
}
