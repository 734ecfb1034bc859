using System.Data.Common;
using Dapper;
using Qdms.Core.Devices;
using Qdms.Core.Devices.Bulk;
using Qdms.Core.Security;

namespace Qdms.Storage.Stores;

/// <summary>
/// Bulk task jobs. A batch is one <c>INSERT … SELECT</c> from <c>devices</c> (the list's own filter, so a filter never reaches
/// another tenant) over a keyset range of device ids, plus the job's counter, in one transaction: no device row is read into
/// memory and no lock is held beyond one batch.
/// </summary>
internal sealed class SqlBulkTaskStore(QdmsDb db) : IBulkTaskStore
{
    private const string Columns =
        "id AS Id, tenant_id AS TenantId, kind AS Kind, arguments AS Arguments, selection AS Selection, matched AS Matched, queued AS Queued, " +
        "state AS State, created_by AS CreatedBy, created_at AS CreatedAt, finished_at AS FinishedAt";

    private const string InsertTasks =
        "INSERT INTO device_tasks (device_id, tenant_id, kind, arguments, status, result, fault_code, fault_message, created_at, updated_at, expires_at, created_by, bulk_id) " +
        "SELECT d.id, d.tenant_id, @kind, @arguments, 0, NULL, NULL, NULL, @now, @now, @expires, @createdBy, @jobId FROM devices d ";

    public async Task<long> CountAsync(TenantScope scope, DeviceQuery filter, CancellationToken ct)
    {
        var p = new DynamicParameters();
        var where = SqlDeviceStore.FilterSql(db.Dialect, scope, filter, p);
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM devices d {where}", p, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<long>> FindMissingAsync(TenantScope scope, IReadOnlyList<long> ids, CancellationToken ct)
    {
        var found = new HashSet<long>();
        await using var c = await db.OpenAsync(ct);
        foreach (var chunk in ids.Chunk(BulkTaskService.BatchSize))
        {
            var p = new DynamicParameters(new { ids = chunk });
            var where = TenantFilter.Sql(scope, p, "d.tenant_id");
            found.UnionWith(await c.QueryAsync<long>(new CommandDefinition($"SELECT d.id FROM devices d WHERE {IdIn()}{where}", p, cancellationToken: ct)));
        }

        return ids.Where(id => !found.Contains(id)).ToList();
    }

    public async Task<BulkTaskJob> CreateJobAsync(long? tenantId, string kind, string? arguments, string selection, long matched, string createdBy, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var id = await c.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO bulk_task_jobs (tenant_id, kind, arguments, selection, matched, queued, state, created_by, created_at, finished_at)
            VALUES (@tenantId, @kind, @arguments, @selection, @matched, 0, @state, @createdBy, @now, NULL) RETURNING id
            """,
            new { tenantId, kind, arguments, selection, matched, state = (int)BulkTaskState.Queuing, createdBy, now = Time.ToDb(now) },
            cancellationToken: ct));
        return new BulkTaskJob(id, tenantId, kind, arguments, selection, matched, 0, BulkTaskState.Queuing, createdBy, Time.FromDb(Time.ToDb(now)), null);
    }

    public async Task<(int Count, long LastId)> QueueFilterBatchAsync(long jobId, TenantScope scope, DeviceQuery filter, long afterId, int limit, BulkTaskTemplate task, CancellationToken ct)
    {
        var p = Parameters(jobId, task);
        var where = SqlDeviceStore.FilterSql(db.Dialect, scope, filter, p) + " AND d.id > @after";
        p.Add("after", afterId);
        p.Add("limit", limit);
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        // The batch's last id first (an index-ordered scan of at most `limit` ids), then the range (after, last] under the same filter.
        var last = await c.ExecuteScalarAsync<long?>(new CommandDefinition(
            $"SELECT MAX(id) FROM (SELECT d.id AS id FROM devices d {where} ORDER BY d.id LIMIT @limit) b", p, tx, cancellationToken: ct));
        if (last is null)
        {
            await tx.CommitAsync(ct);
            return (0, 0);
        }

        p.Add("last", last.Value);
        var count = await c.ExecuteAsync(new CommandDefinition(InsertTasks + where + " AND d.id <= @last", p, tx, cancellationToken: ct));
        await AddQueuedAsync(c, tx, jobId, count, ct);
        await tx.CommitAsync(ct);
        return (count, last.Value);
    }

    public async Task<int> QueueIdsBatchAsync(long jobId, TenantScope scope, IReadOnlyList<long> ids, BulkTaskTemplate task, CancellationToken ct)
    {
        var p = Parameters(jobId, task);
        p.Add("ids", ids.ToArray());
        var where = "WHERE " + IdIn() + TenantFilter.Sql(scope, p, "d.tenant_id");
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var count = await c.ExecuteAsync(new CommandDefinition(InsertTasks + where, p, tx, cancellationToken: ct));
        await AddQueuedAsync(c, tx, jobId, count, ct);
        await tx.CommitAsync(ct);
        return count;
    }

    public async Task FinishJobAsync(long jobId, BulkTaskState state, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE bulk_task_jobs SET state = @state, finished_at = @now WHERE id = @jobId",
            new { jobId, state = (int)state, now = Time.ToDb(now) }, cancellationToken: ct));
    }

    public async Task<BulkTaskJob?> GetAsync(long id, TenantScope scope, CancellationToken ct)
    {
        var p = new DynamicParameters(new { id });
        var where = TenantFilter.Sql(scope, p);
        await using var c = await db.OpenAsync(ct);
        return (await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM bulk_task_jobs WHERE id = @id{where}", p, cancellationToken: ct)))?.ToJob();
    }

    public async Task<IReadOnlyDictionary<DeviceTaskStatus, long>> CountTasksAsync(long jobId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<(long Status, long Count)>(new CommandDefinition(
            "SELECT status, COUNT(*) FROM device_tasks WHERE bulk_id = @jobId GROUP BY status", new { jobId }, cancellationToken: ct));
        return rows.ToDictionary(r => (DeviceTaskStatus)r.Status, r => r.Count);
    }

    private static DynamicParameters Parameters(long jobId, BulkTaskTemplate task) => new(new
    {
        jobId,
        kind = task.Kind,
        arguments = task.Arguments,
        now = Time.ToDb(task.Now),
        expires = Time.ToDb(task.ExpiresAt),
        createdBy = task.CreatedBy,
    });

    private string IdIn() => db.Dialect == Dialect.Postgres ? "d.id = ANY(@ids)" : "d.id IN @ids";

    private static Task AddQueuedAsync(DbConnection c, DbTransaction tx, long jobId, int count, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition("UPDATE bulk_task_jobs SET queued = queued + @count WHERE id = @jobId", new { jobId, count }, tx, cancellationToken: ct));

    private sealed class Row
    {
        public long Id { get; set; }
        public long? TenantId { get; set; }
        public string Kind { get; set; } = "";
        public string? Arguments { get; set; }
        public string Selection { get; set; } = "";
        public long Matched { get; set; }
        public long Queued { get; set; }
        public long State { get; set; }
        public string CreatedBy { get; set; } = "";
        public long CreatedAt { get; set; }
        public long? FinishedAt { get; set; }

        public BulkTaskJob ToJob() => new(Id, TenantId, Kind, Arguments, Selection, Matched, Queued, (BulkTaskState)State, CreatedBy,
            Time.FromDb(CreatedAt), Time.FromDb(FinishedAt));
    }
}
