using Dapper;
using Qdms.Core.Devices;
using Qdms.Core.Security;

namespace Qdms.Storage.Stores;

internal sealed partial class SqlDeviceStore
{
    public async Task<IReadOnlyDictionary<DeviceStatus, long>> CountByStatusAsync(TenantScope scope, CancellationToken ct)
    {
        var p = new DynamicParameters();
        var where = TenantFilter.Sql(scope, p);
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<(long Status, long Count)>(new CommandDefinition(
            $"SELECT status, COUNT(*) FROM devices WHERE 1=1{where} GROUP BY status", p, cancellationToken: ct));
        return rows.ToDictionary(r => (DeviceStatus)r.Status, r => r.Count);
    }
}
