using System.Data.Common;
using Dapper;
using Qdms.Core.Devices;
using Qdms.Core.Paging;
using Qdms.Core.Security;

namespace Qdms.Storage.Stores;

/// <summary>
/// Devices on SQLite or PostgreSQL. Reads: one query for the page (each filter an indexed condition or an uncorrelated
/// <c>IN (SELECT …)</c> over an indexed side table, never a per-row subquery), one for the total and one for the page's identities.
/// </summary>
internal sealed partial class SqlDeviceStore(QdmsDb db) : IDeviceStore
{
    public async Task<Page<Device>> ListAsync(TenantScope scope, DeviceQuery query, PageRequest page, CancellationToken ct)
    {
        var p = new DynamicParameters();
        var where = Where(db.Dialect, scope, query, p);
        p.Add("limit", page.Size);
        p.Add("offset", page.Offset);
        await using var c = await db.OpenAsync(ct);
        var total = await c.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM devices d {where}", p, cancellationToken: ct));
        if (total <= page.Offset)
        {
            // Nothing on this page: skipping the page query saves a scan that, for a narrow intersection of broad filters,
            // walks the whole tenant in id order looking for rows that are not there.
            return new Page<Device>([], total, page.Page, page.Size);
        }

        var rows = (await c.QueryAsync<DeviceRow>(new CommandDefinition(
            $"SELECT {DeviceRow.Columns} FROM devices d {where} ORDER BY d.id LIMIT @limit OFFSET @offset", p, cancellationToken: ct))).ToList();
        return new Page<Device>(await WithIdentitiesAsync(c, null, rows, ct), total, page.Page, page.Size);
    }

    public async Task<IReadOnlyList<Device>> ListAfterAsync(TenantScope scope, DeviceQuery query, long afterId, int limit, CancellationToken ct)
    {
        var p = new DynamicParameters();
        var where = Where(db.Dialect, scope, query, p) + " AND d.id > @after";
        p.Add("after", afterId);
        p.Add("limit", limit);
        await using var c = await db.OpenAsync(ct);
        var rows = (await c.QueryAsync<DeviceRow>(new CommandDefinition(
            $"SELECT {DeviceRow.Columns} FROM devices d {where} ORDER BY d.id LIMIT @limit", p, cancellationToken: ct))).ToList();
        return await WithIdentitiesAsync(c, null, rows, ct);
    }

    public async Task<Device?> GetAsync(long id, TenantScope scope, CancellationToken ct)
    {
        var p = new DynamicParameters(new { id });
        var where = TenantFilter.Sql(scope, p, "d.tenant_id");
        await using var c = await db.OpenAsync(ct);
        return await GetAsync(c, null, $"d.id = @id{where}", p, ct);
    }

    public async Task<Device?> FindByIdentityAsync(DeviceIdentity identity, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await GetAsync(c, null,
            "d.id = (SELECT device_id FROM device_identities WHERE protocol = @Protocol AND identity_key = @Key)", new DynamicParameters(identity), ct);
    }

    public async Task<DeviceCredentialRecord?> FindCredentialsAsync(string username, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<(long Id, long TenantId, string? Hash)>(new CommandDefinition(
            "SELECT id, tenant_id, credentials_hash FROM devices WHERE credentials_username = @username", new { username }, cancellationToken: ct));
        return row.Hash is null ? null : new DeviceCredentialRecord(row.Id, row.TenantId, row.Hash);
    }

    /// <summary>
    /// The WHERE clause of a list. Filters on side tables become uncorrelated <c>d.id IN (…)</c> sets that both databases
    /// resolve once and join by primary key. The dialects differ where their planners do:
    /// <list type="bullet">
    /// <item>SQLite: the group is a set too (a <c>UNION ALL</c> over its two indexes), and when a set is present the tenant
    /// condition is written <c>+d.tenant_id</c> so that SQLite drives the query from the set instead of walking the whole tenant
    /// through its index.</item>
    /// <item>PostgreSQL: the tenant condition stays plain: <c>+d.tenant_id</c> hides the column from its statistics, the planner
    /// then expects a few hundred devices and probes the side table once per device of the tenant (5–15 times slower at
    /// 100,000 devices). The group is <c>provision_group = @group OR update_group = @group</c>, a BitmapOr of the two indexes.</item>
    /// </list>
    /// </summary>
    private static string Where(Dialect dialect, TenantScope scope, DeviceQuery q, DynamicParameters p)
    {
        var sets = new List<string>();
        var conditions = "";
        if (q.Group is not null && dialect == Dialect.Postgres)
        {
            conditions += " AND (d.provision_group = @group OR d.update_group = @group)";
            p.Add("group", q.Group);
        }
        else if (q.Group is not null)
        {
            sets.Add("SELECT id FROM devices WHERE provision_group = @group UNION ALL SELECT id FROM devices WHERE update_group = @group");
            p.Add("group", q.Group);
        }

        if (q.Tag is not null)
        {
            sets.Add("SELECT device_id FROM device_tags WHERE tag = @tag");
            p.Add("tag", q.Tag);
        }

        if (q.Protocol is not null)
        {
            sets.Add("SELECT device_id FROM device_identities WHERE protocol = @protocol");
            p.Add("protocol", q.Protocol);
        }

        if (!string.IsNullOrEmpty(q.Search))
        {
            var (from, to) = DeviceSearchTerms.Range(q.Search);
            sets.Add("SELECT device_id FROM device_search_terms WHERE term >= @termFrom AND term < @termTo");
            p.Add("termFrom", from);
            p.Add("termTo", to);
        }

        var sql = "WHERE 1=1" + TenantFilter.Sql(scope, p, sets.Count > 0 && dialect == Dialect.Sqlite ? "+d.tenant_id" : "d.tenant_id") + conditions;
        if (q.Status is { } status)
        {
            sql += " AND d.status = @status";
            p.Add("status", (int)status);
        }

        sql += Exact("d.model", "model", q.Model, p) + Exact("d.firmware_version", "firmware", q.FirmwareVersion, p);
        foreach (var set in sets)
        {
            sql += $" AND d.id IN ({set})";
        }

        return sql;
    }

    /// <summary><c>AND column = @name</c>, or <c>AND column IS NULL</c> for "", or nothing for null.</summary>
    private static string Exact(string column, string name, string? value, DynamicParameters p)
    {
        if (value is null)
        {
            return "";
        }

        if (value.Length == 0)
        {
            return $" AND {column} IS NULL";
        }

        p.Add(name, value);
        return $" AND {column} = @{name}";
    }

    private async Task<Device?> GetAsync(DbConnection c, DbTransaction? tx, string condition, DynamicParameters p, CancellationToken ct)
    {
        var row = await c.QuerySingleOrDefaultAsync<DeviceRow>(new CommandDefinition(
            $"SELECT {DeviceRow.Columns} FROM devices d WHERE {condition}", p, tx, cancellationToken: ct));
        return row is null ? null : (await WithIdentitiesAsync(c, tx, [row], ct))[0];
    }

    private async Task<IReadOnlyList<Device>> WithIdentitiesAsync(DbConnection c, DbTransaction? tx, List<DeviceRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var identities = (await c.QueryAsync<IdentityRow>(new CommandDefinition(
                "SELECT device_id AS DeviceId, protocol AS Protocol, identity_key AS IdentityKey FROM device_identities WHERE device_id " +
                (db.Dialect == Dialect.Postgres ? "= ANY(@ids)" : "IN @ids"),
                new { ids = rows.Select(r => r.Id).ToArray() }, tx, cancellationToken: ct)))
            .GroupBy(i => i.DeviceId)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<DeviceIdentity>)g.Select(i => i.ToIdentity())
                    .OrderBy(i => i.Protocol, StringComparer.Ordinal).ThenBy(i => i.Key, StringComparer.Ordinal).ToList());
        return rows.Select(r => r.ToDevice(identities.GetValueOrDefault(r.Id) ?? [])).ToList();
    }
}
