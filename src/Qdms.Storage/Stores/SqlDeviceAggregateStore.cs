using Dapper;
using Qdms.Core.Devices;
using Qdms.Core.Security;

namespace Qdms.Storage.Stores;

/// <summary>
/// Device counts grouped by protocol, model or firmware version: one <c>GROUP BY</c> per call over the scope's rows
/// (a protocol counts each device once, however many identities it has in it). The dashboard's summary reads status, model
/// and firmware version in one pass over <c>ix_devices_summary</c> (M0013) and the protocols beside it.
/// </summary>
internal sealed partial class SqlDeviceAggregateStore(QdmsDb db) : IDeviceAggregateStore
{
    public async Task<IReadOnlyList<DeviceGroupCount>> CountByAsync(TenantScope scope, DeviceDimension dimension, int limit, CancellationToken ct)
    {
        var p = new DynamicParameters();
        p.Add("limit", limit);
        var tenant = TenantFilter.Sql(scope, p, "d.tenant_id");
        var sql = dimension switch
        {
            // Every tenant: the (protocol, device_id) index alone answers; one tenant: join to its devices.
            DeviceDimension.Protocol when scope.IsAll =>
                "SELECT protocol AS Key, COUNT(DISTINCT device_id) AS Count FROM device_identities GROUP BY protocol ORDER BY 2 DESC, 1 LIMIT @limit",
            DeviceDimension.Protocol =>
                "SELECT i.protocol AS Key, COUNT(DISTINCT i.device_id) AS Count FROM device_identities i JOIN devices d ON d.id = i.device_id " +
                $"WHERE 1=1{tenant} GROUP BY i.protocol ORDER BY 2 DESC, 1 LIMIT @limit",
            DeviceDimension.Model =>
                $"SELECT d.model AS Key, COUNT(*) AS Count FROM devices d WHERE 1=1{tenant} GROUP BY d.model ORDER BY 2 DESC, 1 LIMIT @limit",
            DeviceDimension.FirmwareVersion =>
                $"SELECT d.firmware_version AS Key, COUNT(*) AS Count FROM devices d WHERE 1=1{tenant} GROUP BY d.firmware_version ORDER BY 2 DESC, 1 LIMIT @limit",
            _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "not a device dimension"),
        };
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<GroupRow>(new CommandDefinition(sql, p, cancellationToken: ct));
        return rows.Select(r => new DeviceGroupCount(r.Key, r.Count)).ToList();
    }

    private sealed class GroupRow
    {
        public string? Key { get; set; }

        public long Count { get; set; }
    }
}
