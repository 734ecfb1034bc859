using Dapper;
using Qdms.Core.Devices;
using Qdms.Core.Security;

namespace Qdms.Storage.Stores;

internal sealed partial class SqlDeviceAggregateStore
{
    public async Task<DeviceSummary> SummarizeAsync(TenantScope scope, int limit, CancellationToken ct)
    {
        // Two independent reads, each on its own connection: run them side by side.
        var cells = ReadCellsAsync(scope, ct);
        var protocols = ReadProtocolsAsync(scope, ct);
        await Task.WhenAll(cells, protocols);
        var rows = await cells;
        var byStatus = rows.GroupBy(r => (DeviceStatus)r.Status).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
        return new DeviceSummary(
            rows.Sum(r => r.Count),
            byStatus,
            Top((await protocols).Select(r => new DeviceGroupCount(r.Key, r.Count)), limit),
            Top(rows.GroupBy(r => r.Model).Select(g => new DeviceGroupCount(g.Key, g.Sum(r => r.Count))), limit),
            Top(rows.GroupBy(r => r.FirmwareVersion).Select(g => new DeviceGroupCount(g.Key, g.Sum(r => r.Count))), limit));
    }

    /// <summary>
    /// The scope's devices counted per (status, model, firmware version): a walk of <c>ix_devices_summary</c> in its own order,
    /// so both databases aggregate as they read, with no sort and no hash table. Every tenant's walk also groups by tenant
    /// (the index's first column) for the same reason; the rows are summed here.
    /// </summary>
    internal static string CellsSql(TenantScope scope, DynamicParameters p) => scope.IsAll
        ? "SELECT status AS Status, model AS Model, firmware_version AS FirmwareVersion, COUNT(*) AS Count FROM devices " +
          "GROUP BY tenant_id, status, model, firmware_version"
        : "SELECT status AS Status, model AS Model, firmware_version AS FirmwareVersion, COUNT(*) AS Count FROM devices " +
          $"WHERE 1=1{TenantFilter.Sql(scope, p)} GROUP BY status, model, firmware_version";

    /// <summary>
    /// Devices per protocol, each counted once however many identities it has in it. Every tenant: the (protocol, device_id)
    /// index alone; one tenant: its devices (<c>ix_devices_tenant_id</c>), each joined to its protocols through
    /// <c>ix_device_identities_device_protocol</c> (M0013), so the cost follows the tenant's size, not the table's.
    /// </summary>
    internal static string ProtocolsSql(TenantScope scope, DynamicParameters p) => scope.IsAll
        ? "SELECT protocol AS Key, COUNT(DISTINCT device_id) AS Count FROM device_identities GROUP BY protocol"
        : "SELECT i.protocol AS Key, COUNT(DISTINCT i.device_id) AS Count FROM devices d JOIN device_identities i ON i.device_id = d.id " +
          $"WHERE 1=1{TenantFilter.Sql(scope, p, "d.tenant_id")} GROUP BY i.protocol";

    private async Task<List<CellRow>> ReadCellsAsync(TenantScope scope, CancellationToken ct)
    {
        var p = new DynamicParameters();
        var sql = CellsSql(scope, p);
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<CellRow>(new CommandDefinition(sql, p, cancellationToken: ct))).ToList();
    }

    private async Task<List<GroupRow>> ReadProtocolsAsync(TenantScope scope, CancellationToken ct)
    {
        var p = new DynamicParameters();
        var sql = ProtocolsSql(scope, p);
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<GroupRow>(new CommandDefinition(sql, p, cancellationToken: ct))).ToList();
    }

    /// <summary>Largest first; ties by key in ordinal order with the null group last, the same on both databases.</summary>
    private static List<DeviceGroupCount> Top(IEnumerable<DeviceGroupCount> groups, int limit) =>
        [.. groups.OrderByDescending(g => g.Count).ThenBy(g => g.Key is null).ThenBy(g => g.Key, StringComparer.Ordinal).Take(limit)];

    private sealed class CellRow
    {
        public long Status { get; set; }

        public string? Model { get; set; }

        public string? FirmwareVersion { get; set; }

        public long Count { get; set; }
    }
}
