using Dapper;
using Qdms.Core.Qos;
using Qdms.Core.Security;

namespace Qdms.Storage.Stores;

/// <summary>Offset-paged reads of the shared <c>measurements</c> table, scoped by tenant, for Arrowhead's <c>mgmt/query</c>.</summary>
internal sealed class SqlQosMeasurementQueryStore(QdmsDb db) : IQosMeasurementQueryStore
{
    public async Task<(IReadOnlyList<QosMeasurementRecord> Items, long Total)> QueryAsync(
        TenantScope scope, QosMeasurementPageQuery query, int offset, int limit, CancellationToken ct)
    {
        var p = new DynamicParameters();
        var where = "WHERE metric = @metric AND at >= @from AND at < @to" + TenantFilter.Sql(scope, p);
        p.Add("metric", query.Metric);
        p.Add("from", Time.ToDb(query.From));
        p.Add("to", Time.ToDb(query.To));
        if (query.DeviceIds is not null)
        {
            where += " AND device_id " + (db.Dialect == Dialect.Postgres ? "= ANY(@devices)" : "IN @devices");
            p.Add("devices", query.DeviceIds.ToArray());
        }

        var direction = query.Descending ? "DESC" : "ASC";
        var order = query.OrderById ? $"id {direction}" : $"at {direction}, id {direction}";
        p.Add("limit", limit);
        p.Add("offset", offset);
        await using var c = await db.OpenAsync(ct);
        var total = await c.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM measurements {where}", p, cancellationToken: ct));
        var rows = await c.QueryAsync<MeasurementRow>(new CommandDefinition(
            $"SELECT {MeasurementRow.Columns} FROM measurements {where} ORDER BY {order} LIMIT @limit OFFSET @offset", p, cancellationToken: ct));
        return (rows.Select(r => new QosMeasurementRecord(r.Id, r.ToMeasurement())).ToList(), total);
    }
}
