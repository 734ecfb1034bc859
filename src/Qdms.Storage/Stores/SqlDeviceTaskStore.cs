using Dapper;
using Qdms.Core.Devices;
using Qdms.Core.Security;

namespace Qdms.Storage.Stores;

/// <summary>The task queue. Each transition is one conditional UPDATE, so two engines can never move a task twice.</summary>
internal sealed class SqlDeviceTaskStore(QdmsDb db) : IDeviceTaskStore
{
    private const string Columns =
        "id AS Id, device_id AS DeviceId, tenant_id AS TenantId, kind AS Kind, arguments AS Arguments, status AS Status, result AS Result, " +
        "fault_code AS FaultCode, fault_message AS FaultMessage, created_at AS CreatedAt, updated_at AS UpdatedAt, expires_at AS ExpiresAt, created_by AS CreatedBy";

    private const int Queued = (int)DeviceTaskStatus.Queued;
    private const int Sent = (int)DeviceTaskStatus.Sent;

    public async Task<DeviceTask> CreateAsync(NewDeviceTask t, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var id = await c.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO device_tasks (device_id, tenant_id, kind, arguments, status, result, fault_code, fault_message, created_at, updated_at, expires_at, created_by)
            VALUES (@DeviceId, @TenantId, @Kind, @Arguments, @status, NULL, NULL, NULL, @now, @now, @expires, @CreatedBy) RETURNING id
            """,
            new { t.DeviceId, t.TenantId, t.Kind, t.Arguments, status = Queued, now = Time.ToDb(now), expires = Time.ToDb(t.ExpiresAt), t.CreatedBy },
            cancellationToken: ct));
        var at = Time.FromDb(Time.ToDb(now));
        return new DeviceTask(id, t.DeviceId, t.TenantId, t.Kind, t.Arguments, DeviceTaskStatus.Queued, null, null, null, at, at,
            Time.FromDb(Time.ToDb(t.ExpiresAt)), t.CreatedBy);
    }

    public async Task<DeviceTask?> GetAsync(long id, TenantScope scope, CancellationToken ct)
    {
        var p = new DynamicParameters(new { id });
        var where = TenantFilter.Sql(scope, p);
        await using var c = await db.OpenAsync(ct);
        return (await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM device_tasks WHERE id = @id{where}", p, cancellationToken: ct)))?.ToTask();
    }

    public async Task<IReadOnlyList<DeviceTask>> ListForDeviceAsync(long deviceId, DeviceTaskStatus? status, TenantScope scope, int limit, CancellationToken ct)
    {
        var p = new DynamicParameters(new { deviceId, limit });
        var where = TenantFilter.Sql(scope, p);
        if (status is not null)
        {
            where += " AND status = @status";
            p.Add("status", (int)status);
        }

        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM device_tasks WHERE device_id = @deviceId{where} ORDER BY id DESC LIMIT @limit", p, cancellationToken: ct));
        return rows.Select(r => r.ToTask()).ToList();
    }

    public async Task<IReadOnlyList<DeviceTask>> ListDueAsync(long deviceId, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM device_tasks WHERE device_id = @deviceId AND status = @queued AND (expires_at IS NULL OR expires_at > @now) ORDER BY id",
            new { deviceId, queued = Queued, now = Time.ToDb(now) }, cancellationToken: ct));
        return rows.Select(r => r.ToTask()).ToList();
    }

    public Task<bool> MarkSentAsync(long id, DateTimeOffset now, CancellationToken ct) =>
        MoveAsync(id, "status = @to, updated_at = @now", "status = @queued", new { id, to = Sent, queued = Queued, now = Time.ToDb(now) }, ct);

    public Task<bool> MarkDoneAsync(long id, string? result, DateTimeOffset now, CancellationToken ct) =>
        MoveAsync(id, "status = @to, result = @result, updated_at = @now", "status IN (@queued, @sent)",
            new { id, to = (int)DeviceTaskStatus.Done, result, queued = Queued, sent = Sent, now = Time.ToDb(now) }, ct);

    public Task<bool> MarkFailedAsync(long id, string faultCode, string faultMessage, DateTimeOffset now, CancellationToken ct) =>
        MoveAsync(id, "status = @to, fault_code = @faultCode, fault_message = @faultMessage, updated_at = @now", "status IN (@queued, @sent)",
            new { id, to = (int)DeviceTaskStatus.Failed, faultCode, faultMessage, queued = Queued, sent = Sent, now = Time.ToDb(now) }, ct);

    public async Task<int> ExpireOverdueAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync(new CommandDefinition(
            "UPDATE device_tasks SET status = @expired, updated_at = @now WHERE status IN (@queued, @sent) AND expires_at <= @now",
            new { expired = (int)DeviceTaskStatus.Expired, queued = Queued, sent = Sent, now = Time.ToDb(now) }, cancellationToken: ct));
    }

    private async Task<bool> MoveAsync(long id, string set, string from, object args, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync(new CommandDefinition($"UPDATE device_tasks SET {set} WHERE id = @id AND {from}", args, cancellationToken: ct)) == 1;
    }

    private sealed class Row
    {
        public long Id { get; set; }
        public long DeviceId { get; set; }
        public long TenantId { get; set; }
        public string Kind { get; set; } = "";
        public string? Arguments { get; set; }
        public long Status { get; set; }
        public string? Result { get; set; }
        public string? FaultCode { get; set; }
        public string? FaultMessage { get; set; }
        public long CreatedAt { get; set; }
        public long UpdatedAt { get; set; }
        public long? ExpiresAt { get; set; }
        public string CreatedBy { get; set; } = "";

        public DeviceTask ToTask() => new(Id, DeviceId, TenantId, Kind, Arguments, (DeviceTaskStatus)Status, Result, FaultCode, FaultMessage,
            Time.FromDb(CreatedAt), Time.FromDb(UpdatedAt), Time.FromDb(ExpiresAt), CreatedBy);
    }
}
