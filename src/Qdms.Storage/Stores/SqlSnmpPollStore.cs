using Dapper;
using Qdms.Core.Devices;
using Qdms.Core.Snmp;

namespace Qdms.Storage.Stores;

/// <summary>The SNMP engine's batched writes: many devices per transaction, one statement per kind of row.</summary>
internal sealed class SqlSnmpPollStore(QdmsDb db) : ISnmpPollStore
{
    public async Task WriteParametersAsync(IReadOnlyList<DeviceParameter> parameters, CancellationToken ct)
    {
        if (parameters.Count == 0)
        {
            return;
        }

        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        // INSERT … SELECT skips the rows of a device deleted since it was polled (no foreign-key failure for the whole batch).
        await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO device_parameters (device_id, path, value, type, writable, updated_at)
            SELECT id, @Path, @Value, @Type, @Writable, @at FROM devices WHERE id = @DeviceId
            ON CONFLICT (device_id, path) DO UPDATE SET value = excluded.value, type = excluded.type, writable = excluded.writable, updated_at = excluded.updated_at
            """,
            parameters.Select(p => new { p.DeviceId, p.Path, p.Value, p.Type, p.Writable, at = Time.ToDb(p.UpdatedAt) }),
            tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    public async Task RecordContactsAsync(IReadOnlyList<long> deviceIds, DateTimeOffset now, CancellationToken ct)
    {
        if (deviceIds.Count == 0)
        {
            return;
        }

        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        foreach (var chunk in deviceIds.Chunk(500))
        {
            await c.ExecuteAsync(new CommandDefinition(
                $"UPDATE devices SET last_contact_at = @now, status = {(int)DeviceStatus.Online} WHERE id " + (db.Dialect == Dialect.Postgres ? "= ANY(@chunk)" : "IN @chunk"),
                new { now = Time.ToDb(now), chunk }, tx, cancellationToken: ct));
        }

        await tx.CommitAsync(ct);
    }

    public async Task SetStatusAsync(long deviceId, DeviceStatus status, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition("UPDATE devices SET status = @status WHERE id = @deviceId", new { deviceId, status = (int)status }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<DeviceTask>> ListDueTasksAsync(DateTimeOffset now, int limit, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<TaskRow>(new CommandDefinition(
            $"""
            SELECT t.id AS Id, t.device_id AS DeviceId, t.tenant_id AS TenantId, t.kind AS Kind, t.arguments AS Arguments, t.status AS Status,
                t.created_at AS CreatedAt, t.updated_at AS UpdatedAt, t.expires_at AS ExpiresAt, t.created_by AS CreatedBy
            FROM device_tasks t JOIN snmp_devices s ON s.device_id = t.device_id
            WHERE t.status = {(int)DeviceTaskStatus.Queued} AND (t.expires_at IS NULL OR t.expires_at > @now)
            ORDER BY t.id LIMIT @limit
            """,
            new { now = Time.ToDb(now), limit }, cancellationToken: ct));
        return rows.Select(r => r.ToTask()).ToList();
    }

    private sealed class TaskRow
    {
        public long Id { get; set; }
        public long DeviceId { get; set; }
        public long TenantId { get; set; }
        public string Kind { get; set; } = "";
        public string? Arguments { get; set; }
        public long Status { get; set; }
        public long CreatedAt { get; set; }
        public long UpdatedAt { get; set; }
        public long? ExpiresAt { get; set; }
        public string CreatedBy { get; set; } = "";

        public DeviceTask ToTask() => new(Id, DeviceId, TenantId, Kind, Arguments, (DeviceTaskStatus)Status, null, null, null,
            Time.FromDb(CreatedAt), Time.FromDb(UpdatedAt), Time.FromDb(ExpiresAt), CreatedBy);
    }
}
