using Qdms.Core.Audit;
using Qdms.Core.Errors;
using Qdms.Core.Security;

namespace Qdms.Core.Devices.Bulk;

/// <summary>
/// Queues one task kind for many devices (operators): explicit ids, or every device a list filter matches within the caller's
/// tenants. Tasks are written in batches of <see cref="BatchSize"/> by keyset over device ids, each batch one short transaction,
/// so 100,000 devices are never loaded into memory nor locked at once. Once a job exists its queuing runs to the end even if
/// the client goes away; a failure part-way leaves it <see cref="BulkTaskState.Interrupted"/> with the count it reached.
/// </summary>
public sealed class BulkTaskService(IBulkTaskStore store, AuditLog audit, TimeProvider time)
{
    /// <summary>The most devices one job may select.</summary>
    public const int MaxDevices = 100_000;

    /// <summary>The most explicit ids one request may carry (larger selections go by filter).</summary>
    public const int MaxDeviceIds = 10_000;

    /// <summary>Tasks written per transaction.</summary>
    public const int BatchSize = 1_000;

    public async Task<BulkTaskJob> QueueAsync(Caller caller, BulkTaskSelection selection, string kind, string? arguments, int? expiresInSeconds, CancellationToken ct)
    {
        caller.Require(Role.Operator);
        var k = kind?.Trim() ?? "";
        if (!TaskKinds.IsKnown(k))
        {
            throw new ValidationException("kind", $"unknown task kind '{kind}'; the kinds are {string.Join(", ", TaskKinds.All)}.");
        }

        var args = TaskService.ValidateArguments(k, arguments);
        var seconds = expiresInSeconds ?? TaskService.DefaultExpirySeconds;
        if (seconds is < 1 or > TaskService.MaxExpirySeconds)
        {
            throw new ValidationException("expiresInSeconds", $"expiresInSeconds must be between 1 and {TaskService.MaxExpirySeconds} (30 days); got {seconds}.");
        }

        if ((selection.DeviceIds is null) == (selection.Filter is null))
        {
            throw new ValidationException("deviceIds", "Give either deviceIds or filter (exactly one of them).");
        }

        var ids = selection.DeviceIds is { } given ? await CheckIdsAsync(caller, given, ct) : null;
        long matched;
        string description;
        if (ids is not null)
        {
            matched = ids.Count;
            description = $"{ids.Count} device(s) by id";
        }
        else
        {
            matched = await store.CountAsync(caller.Scope, selection.Filter!, ct);
            description = Describe(selection.Filter!);
            if (matched == 0)
            {
                throw new UnprocessableException($"The filter ({description}) matches no device.");
            }

            if (matched > MaxDevices)
            {
                throw new UnprocessableException($"The filter ({description}) matches {matched:N0} devices; a bulk job takes at most {MaxDevices:N0}. Narrow the filter.");
            }
        }

        var now = time.GetUtcNow();
        var tenant = caller.Role == Role.Sysop ? null : caller.TenantId;
        var job = await store.CreateJobAsync(tenant, k, args, description, matched, caller.Username, now, ct);
        await audit.RecordAsync(caller, "bulk.create", $"bulk/{job.Id}", tenant, $"{k} on {matched} device(s): {description}", ct);
        var template = new BulkTaskTemplate(k, args, now.AddSeconds(seconds), caller.Username, now);
        long queued = 0;
        try
        {
            queued = ids is not null
                ? await QueueIdsAsync(job.Id, caller.Scope, ids, template)
                : await QueueFilterAsync(job.Id, caller.Scope, selection.Filter!, template);
        }
        catch
        {
            await store.FinishJobAsync(job.Id, BulkTaskState.Interrupted, time.GetUtcNow(), CancellationToken.None);
            throw;
        }

        var finished = time.GetUtcNow();
        await store.FinishJobAsync(job.Id, BulkTaskState.Queued, finished, CancellationToken.None);
        return job with { Queued = queued, State = BulkTaskState.Queued, FinishedAt = finished };
    }

    public async Task<BulkTaskProgress> GetProgressAsync(Caller caller, long id, CancellationToken ct)
    {
        caller.Require(Role.Viewer);
        var job = await store.GetAsync(id, caller.Scope, ct) ?? throw NotFoundException.For("bulk job", id);
        var counts = await store.CountTasksAsync(id, ct);
        long Of(DeviceTaskStatus s) => counts.GetValueOrDefault(s);
        return new BulkTaskProgress(job, Of(DeviceTaskStatus.Queued), Of(DeviceTaskStatus.Sent), Of(DeviceTaskStatus.Done), Of(DeviceTaskStatus.Failed), Of(DeviceTaskStatus.Expired));
    }

    /// <summary>The distinct ids, in order, each a device in the caller's scope: another tenant's id is a 404 like an unknown one.</summary>
    private async Task<List<long>> CheckIdsAsync(Caller caller, IReadOnlyList<long> given, CancellationToken ct)
    {
        if (given.Count == 0)
        {
            throw new ValidationException("deviceIds", "deviceIds is empty; give at least one device id.");
        }

        if (given.Count > MaxDeviceIds)
        {
            throw new PayloadTooLargeException($"deviceIds holds {given.Count:N0} ids; a request takes at most {MaxDeviceIds:N0} (select more devices with a filter).");
        }

        var ids = given.Distinct().Order().ToList();
        var missing = await store.FindMissingAsync(caller.Scope, ids, ct);
        return missing.Count > 0 ? throw NotFoundException.For("device", missing[0]) : ids;
    }

    private async Task<long> QueueIdsAsync(long jobId, TenantScope scope, List<long> ids, BulkTaskTemplate template)
    {
        long queued = 0;
        foreach (var chunk in ids.Chunk(BatchSize))
        {
            queued += await store.QueueIdsBatchAsync(jobId, scope, chunk, template, CancellationToken.None);
        }

        return queued;
    }

    private async Task<long> QueueFilterAsync(long jobId, TenantScope scope, DeviceQuery filter, BulkTaskTemplate template)
    {
        long queued = 0, after = 0;
        while (queued < MaxDevices)
        {
            var (count, last) = await store.QueueFilterBatchAsync(jobId, scope, filter, after, (int)Math.Min(BatchSize, MaxDevices - queued), template, CancellationToken.None);
            if (count == 0)
            {
                break;
            }

            queued += count;
            after = last;
        }

        return queued;
    }

    private static string Describe(DeviceQuery q)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                parts.Add($"{name}={value}");
            }
        }

        Add("q", q.Search);
        Add("protocol", q.Protocol);
        Add("group", q.Group);
        Add("tag", q.Tag);
        Add("status", q.Status?.ToString().ToLowerInvariant());
        Add("model", q.Model);
        Add("firmware", q.FirmwareVersion);
        return parts.Count == 0 ? "all devices" : string.Join(", ", parts);
    }
}
