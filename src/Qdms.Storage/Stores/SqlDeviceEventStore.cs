using Dapper;
using Qdms.Core.Events;
using Qdms.Core.Paging;
using Qdms.Core.Security;

namespace Qdms.Storage.Stores;

/// <summary>Device events; events of unknown sources have no tenant and so only appear in the all-tenants scope.</summary>
internal sealed class SqlDeviceEventStore(QdmsDb db) : IDeviceEventStore
{
    private static readonly string[] Columns = ["tenant_id", "device_id", "source", "type", "severity", "at", "message", "origin", "data"];

    public async Task AppendAsync(IReadOnlyList<NewDeviceEvent> events, CancellationToken ct)
    {
        if (events.Count == 0)
        {
            return;
        }

        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await BatchInsert.RunAsync(db.Dialect, c, tx, "device_events", Columns,
            events.Select(e => new object?[] { e.TenantId, e.DeviceId, e.Source, e.Type, (int)e.Severity, Time.ToDb(e.Time), e.Message, e.Origin, e.DataJson }),
            ct);
        await tx.CommitAsync(ct);
    }

    public async Task<Page<DeviceEvent>> ListAsync(TenantScope scope, DeviceEventQuery query, PageRequest page, CancellationToken ct)
    {
        var p = new DynamicParameters();
        var where = "WHERE 1=1" + TenantFilter.Sql(scope, p);
        if (query.DeviceId is not null)
        {
            where += " AND device_id = @deviceId";
            p.Add("deviceId", query.DeviceId);
        }

        if (query.UnknownSourceOnly)
        {
            where += " AND device_id IS NULL";
        }

        if (query.Source is not null)
        {
            where += " AND source = @source";
            p.Add("source", query.Source);
        }

        if (query.Type is not null)
        {
            where += " AND type = @type";
            p.Add("type", query.Type);
        }

        if (query.MinSeverity is not null)
        {
            where += " AND severity >= @severity";
            p.Add("severity", (int)query.MinSeverity.Value);
        }

        if (query.From is not null)
        {
            where += " AND at >= @from";
            p.Add("from", Time.ToDb(query.From.Value));
        }

        if (query.To is not null)
        {
            where += " AND at < @to";
            p.Add("to", Time.ToDb(query.To.Value));
        }

        p.Add("limit", page.Size);
        p.Add("offset", page.Offset);
        await using var c = await db.OpenAsync(ct);
        var total = await c.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM device_events {where}", p, cancellationToken: ct));
        var rows = await c.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT id AS Id, tenant_id AS TenantId, device_id AS DeviceId, source AS Source, type AS Type, severity AS Severity,
                   at AS At, message AS Message, origin AS Origin, data AS Data
            FROM device_events {where} ORDER BY at DESC, id DESC LIMIT @limit OFFSET @offset
            """,
            p, cancellationToken: ct));
        return new Page<DeviceEvent>(rows.Select(r => r.ToEvent()).ToList(), total, page.Page, page.Size);
    }

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync(new CommandDefinition("DELETE FROM device_events WHERE at < @cutoff", new { cutoff = Time.ToDb(cutoff) }, cancellationToken: ct));
    }

    private sealed class Row
    {
        public long Id { get; set; }
        public long? TenantId { get; set; }
        public long? DeviceId { get; set; }
        public string Source { get; set; } = "";
        public string Type { get; set; } = "";
        public long Severity { get; set; }
        public long At { get; set; }
        public string Message { get; set; } = "";
        public string? Origin { get; set; }
        public string? Data { get; set; }

        public DeviceEvent ToEvent() =>
            new(Id, TenantId, DeviceId, Source, Type, (EventSeverity)Severity, Time.FromDb(At), Message, Origin, Data);
    }
}
