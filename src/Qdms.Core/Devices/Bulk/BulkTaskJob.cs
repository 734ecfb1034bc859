namespace Qdms.Core.Devices.Bulk;

/// <summary>
/// One task kind queued for many devices. <see cref="TenantId"/> is the tenant of the user who asked (null: a sysop, over all
/// tenants); <see cref="Matched"/> how many devices the selection held when the job started; <see cref="Queued"/> how many tasks
/// were written so far; <see cref="Selection"/> a readable description of the ids or the filter.
/// </summary>
public sealed record BulkTaskJob(
    long Id,
    long? TenantId,
    string Kind,
    string? Arguments,
    string Selection,
    long Matched,
    long Queued,
    BulkTaskState State,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt);
