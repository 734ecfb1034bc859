using Dapper;
using Qdms.Core.Measurements;
using Qdms.Core.Security;

namespace Qdms.Storage.Stores;

/// <summary>Measurements, written in batches and read by device or metric over a time range.</summary>
internal sealed class SqlMeasurementStore(QdmsDb db) : IMeasurementStore
{
    private static readonly string[] Columns =
        ["tenant_id", "device_id", "metric", "at", "minimum", "maximum", "mean", "median", "current", "count", "loss_percent", "jitter", "p95", "failed"];

    public async Task AppendAsync(IReadOnlyList<Measurement> measurements, CancellationToken ct)
    {
        if (measurements.Count == 0)
        {
            return;
        }

        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await BatchInsert.RunAsync(db.Dialect, c, tx, "measurements", Columns,
            measurements.Select(m => new object?[]
            {
                m.TenantId, m.DeviceId, m.Metric, Time.ToDb(m.Time), m.Minimum, m.Maximum, m.Mean, m.Median, m.Current, m.Count,
                m.LossPercent, m.Jitter, m.P95, m.Failed,
            }),
            ct);
        await tx.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<Measurement>> ListAsync(TenantScope scope, MeasurementQuery query, int limit, CancellationToken ct)
    {
        var p = new DynamicParameters();
        var where = "WHERE at >= @from AND at < @to" + TenantFilter.Sql(scope, p);
        p.Add("from", Time.ToDb(query.From));
        p.Add("to", Time.ToDb(query.To));
        if (query.DeviceIds is not null)
        {
            where += " AND device_id " + (db.Dialect == Dialect.Postgres ? "= ANY(@devices)" : "IN @devices");
            p.Add("devices", query.DeviceIds.ToArray());
        }

        if (query.Metrics is not null)
        {
            where += " AND metric " + (db.Dialect == Dialect.Postgres ? "= ANY(@metrics)" : "IN @metrics");
            p.Add("metrics", query.Metrics.ToArray());
        }

        p.Add("limit", limit);
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<MeasurementRow>(new CommandDefinition($"SELECT {MeasurementRow.Columns} FROM measurements {where} ORDER BY at, device_id, id LIMIT @limit", p, cancellationToken: ct));
        return rows.Select(r => r.ToMeasurement()).ToList();
    }

    public async Task<long> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync(new CommandDefinition("DELETE FROM measurements WHERE at < @cutoff", new { cutoff = Time.ToDb(cutoff) }, cancellationToken: ct));
    }

    public async Task<long> DeleteForDeviceAsync(long deviceId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync(new CommandDefinition("DELETE FROM measurements WHERE device_id = @deviceId", new { deviceId }, cancellationToken: ct));
    }
}
