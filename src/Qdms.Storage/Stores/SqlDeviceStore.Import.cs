using System.Data.Common;
using Dapper;
using Qdms.Core.Devices;
using Qdms.Core.Errors;

namespace Qdms.Storage.Stores;

/// <summary>CSV imports (create or update by identity, all or nothing) and bulk seeding.</summary>
internal sealed partial class SqlDeviceStore
{
    public async Task<DeviceImportResult> ImportAsync(long tenantId, IReadOnlyList<DeviceImportRow> rows, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        int created = 0, updated = 0;
        foreach (var row in rows)
        {
            var owners = new List<(long DeviceId, long TenantId)>();
            foreach (var identity in row.Draft.Identities)
            {
                owners.AddRange(await c.QueryAsync<(long, long)>(new CommandDefinition(
                    """
                    SELECT i.device_id, d.tenant_id FROM device_identities i JOIN devices d ON d.id = i.device_id
                    WHERE i.protocol = @Protocol AND i.identity_key = @Key
                    """,
                    identity, tx, cancellationToken: ct)));
            }

            var devices = owners.Distinct().ToList();
            if (devices.Count == 0)
            {
                await InsertAsync(c, tx, tenantId, row.Draft, now, ct);
                created++;
                continue;
            }

            if (devices.Count > 1)
            {
                throw new ValidationException("csv", $"Line {row.Line}, column identities: the identities belong to {devices.Count} different devices; one row describes one device.");
            }

            if (devices[0].TenantId != tenantId)
            {
                throw new ConflictException($"Line {row.Line}, column identities: an identity already belongs to a device of another tenant.");
            }

            await MergeAsync(c, tx, devices[0].DeviceId, row.Draft, now, ct);
            updated++;
        }

        await tx.CommitAsync(ct);
        return new DeviceImportResult(created, updated);
    }

    /// <summary>Applies the non-empty fields of an imported row to an existing device and adds its new identities.</summary>
    private async Task MergeAsync(DbConnection c, DbTransaction tx, long id, DeviceDraft d, DateTimeOffset now, CancellationToken ct)
    {
        var current = (await GetAsync(c, tx, "d.id = @id", new DynamicParameters(new { id }), ct))!;
        var tags = d.Tags ?? current.Tags;
        await c.ExecuteAsync(new CommandDefinition(
            """
            UPDATE devices SET name = @name, manufacturer = COALESCE(@Manufacturer, manufacturer), model = COALESCE(@Model, model),
                serial = COALESCE(@Serial, serial), firmware_version = COALESCE(@FirmwareVersion, firmware_version),
                address = COALESCE(@Address, address), provision_group = COALESCE(@ProvisionGroup, provision_group),
                update_group = COALESCE(@UpdateGroup, update_group), tags = @tags, updated_at = @now
            WHERE id = @id
            """,
            new
            {
                name = string.IsNullOrWhiteSpace(d.Name) ? current.Name : d.Name,
                d.Manufacturer,
                d.Model,
                d.Serial,
                d.FirmwareVersion,
                d.Address,
                d.ProvisionGroup,
                d.UpdateGroup,
                tags = DeviceRow.JoinTags(tags),
                now = Time.ToDb(now),
                id,
            },
            tx, cancellationToken: ct));
        await AddIdentitiesAsync(c, tx, id, d.Identities.Except(current.Identities), ct);
        if (d.Tags is not null)
        {
            await ReplaceTagsAsync(c, tx, id, tags, ct);
        }

        await RewriteTermsAsync(c, tx, id, ct);
    }

    public async Task<int> BulkInsertAsync(long tenantId, IReadOnlyList<DeviceDraft> drafts, DateTimeOffset now, CancellationToken ct)
    {
        if (drafts.Count == 0)
        {
            return 0;
        }

        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var ids = await ReserveIdsAsync(c, tx, drafts.Count, ct);
        var at = Time.ToDb(now);
        var names = drafts.Select(d => string.IsNullOrWhiteSpace(d.Name) ? d.Identities[0].Key : d.Name).ToList();
        await BatchInsert.RunAsync(db.Dialect, c, tx, "devices",
            ["id", "tenant_id", "name", "manufacturer", "model", "serial", "firmware_version", "address", "status", "tags", "provision_group", "update_group", "created_at", "updated_at"],
            drafts.Select((d, i) => new object?[]
            {
                ids[i], tenantId, names[i], d.Manufacturer, d.Model, d.Serial, d.FirmwareVersion, d.Address, (int)DeviceStatus.Unknown,
                DeviceRow.JoinTags(d.Tags ?? []), d.ProvisionGroup, d.UpdateGroup, at, at,
            }),
            ct);
        await BatchInsert.RunAsync(db.Dialect, c, tx, "device_identities", ["protocol", "identity_key", "device_id"],
            drafts.SelectMany((d, i) => d.Identities.Select(x => new object?[] { x.Protocol, x.Key, ids[i] })), ct);
        await BatchInsert.RunAsync(db.Dialect, c, tx, "device_tags", ["tag", "device_id"],
            drafts.SelectMany((d, i) => (d.Tags ?? []).Select(t => new object?[] { t, ids[i] })), ct);
        await BatchInsert.RunAsync(db.Dialect, c, tx, "device_search_terms", ["term", "device_id"],
            drafts.SelectMany((d, i) => DeviceSearchTerms.For(names[i], d.Manufacturer, d.Model, d.Serial, d.Identities).Select(t => new object?[] { t, ids[i] })), ct);
        await tx.CommitAsync(ct);
        if (db.Dialect == Dialect.Postgres)
        {
            // Fresh statistics now rather than at autovacuum's leisure: without them the planner misjudges the filter sets.
            await c.ExecuteAsync(new CommandDefinition("ANALYZE devices, device_identities, device_tags, device_search_terms", cancellationToken: ct));
        }

        return drafts.Count;
    }

    /// <summary>
    /// Ids for <paramref name="count"/> new devices. PostgreSQL draws them from the identity sequence; SQLite, whose write
    /// transaction excludes every other writer, takes the ones after the highest id ever used (AUTOINCREMENT never reuses ids).
    /// </summary>
    private async Task<long[]> ReserveIdsAsync(DbConnection c, DbTransaction tx, int count, CancellationToken ct)
    {
        if (db.Dialect == Dialect.Postgres)
        {
            return (await c.QueryAsync<long>(new CommandDefinition(
                "SELECT nextval(pg_get_serial_sequence('devices', 'id')) FROM generate_series(1, @count)", new { count }, tx, cancellationToken: ct))).ToArray();
        }

        var last = await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT MAX(v) FROM (SELECT COALESCE(MAX(id), 0) AS v FROM devices UNION ALL SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence WHERE name = 'devices')",
            transaction: tx, cancellationToken: ct));
        return Enumerable.Range(1, count).Select(i => last + i).ToArray();
    }
}
