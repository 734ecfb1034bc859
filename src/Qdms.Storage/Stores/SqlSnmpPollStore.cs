using System.Data.Common;
using Dapper;
using Qdms.Core.Devices;
using Qdms.Core.Snmp;

namespace Qdms.Storage.Stores;

/// <summary>The SNMP engine's batched writes: many devices per transaction; on PostgreSQL one statement per 5,000 parameters.</summary>
internal sealed class SqlSnmpPollStore(QdmsDb db) : ISnmpPollStore
{
    public async Task WriteParametersAsync(IReadOnlyList<DeviceParameter> parameters, CancellationToken ct)
    {
        if (parameters.Count == 0)
        {
            return;
        }

        // One row per (device, path), the last reading winning: an upsert may not touch a row twice in one statement.
        var rows = new Dictionary<(long, string), DeviceParameter>();
        foreach (var p in parameters)
        {
            rows[(p.DeviceId, p.Path)] = p;
        }

        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        if (db.Dialect == Dialect.Postgres)
        {
            // One statement per 5,000 rows from arrays (no round trip per row); the join skips devices deleted since their poll.
            foreach (var chunk in rows.Values.Chunk(5_000))
            {
                await c.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO device_parameters (device_id, path, value, type, writable, updated_at)
                    SELECT p.device_id, p.path, p.value, p.type, p.writable, p.updated_at
                    FROM unnest(@ids, @paths, @values, @types, @writables, @ats) AS p(device_id, path, value, type, writable, updated_at)
                    JOIN devices d ON d.id = p.device_id
                    ON CONFLICT (device_id, path) DO UPDATE SET value = excluded.value, type = excluded.type, writable = excluded.writable, updated_at = excluded.updated_at
                    """,
                    new
                    {
                        ids = chunk.Select(p => p.DeviceId).ToArray(),
                        paths = chunk.Select(p => p.Path).ToArray(),
                        values = chunk.Select(p => p.Value).ToArray(),
                        types = chunk.Select(p => p.Type).ToArray(),
                        writables = chunk.Select(p => p.Writable).ToArray(),
                        ats = chunk.Select(p => Time.ToDb(p.UpdatedAt)).ToArray(),
                    },
                    tx, cancellationToken: ct));
            }
        }
        else
        {
            // SQLite runs in-process: one prepared statement re-bound per row is the cheap path.
            await using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText =
                """
                INSERT INTO device_parameters (device_id, path, value, type, writable, updated_at)
                SELECT id, @path, @value, @type, @writable, @at FROM devices WHERE id = @device
                ON CONFLICT (device_id, path) DO UPDATE SET value = excluded.value, type = excluded.type, writable = excluded.writable, updated_at = excluded.updated_at
                """;
            var device = Add(cmd, "@device");
            var path = Add(cmd, "@path");
            var value = Add(cmd, "@value");
            var type = Add(cmd, "@type");
            var writable = Add(cmd, "@writable");
            var at = Add(cmd, "@at");
            await cmd.PrepareAsync(ct);
            foreach (var p in rows.Values)
            {
                device.Value = p.DeviceId;
                path.Value = p.Path;
                value.Value = (object?)p.Value ?? DBNull.Value;
                type.Value = p.Type;
                writable.Value = p.Writable;
                at.Value = Time.ToDb(p.UpdatedAt);
                await cmd.ExecuteNonQueryAsync(ct);
            }
        }

        await tx.CommitAsync(ct);
    }

    private static DbParameter Add(DbCommand cmd, string name)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        cmd.Parameters.Add(p);
        return p;
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
