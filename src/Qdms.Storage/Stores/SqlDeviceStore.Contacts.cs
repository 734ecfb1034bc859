using System.Data;
using Dapper;
using Qdms.Core.Devices;
using static Qdms.Storage.Stores.StatementBatch;

namespace Qdms.Storage.Stores;

/// <summary>
/// Group commit of engines' contacts: one transaction for many devices' report, parameters and events, with the rows of every
/// device checked first (it must still own the identity it was resolved by). Unchanged parameter values are not rewritten,
/// and search terms are rewritten only for a device whose manufacturer, model or serial changed.
/// </summary>
internal sealed partial class SqlDeviceStore : IDeviceContactStore
{
    private static readonly Statement Contact = new(
        """
        UPDATE devices SET manufacturer = COALESCE(@p0, manufacturer), model = COALESCE(@p1, model), serial = COALESCE(@p2, serial),
            firmware_version = COALESCE(@p3, firmware_version), address = COALESCE(@p4, address), status = COALESCE(@p5, status),
            last_contact_at = @p6, updated_at = @p6
        WHERE id = @p7
        """,
        DbType.String, DbType.String, DbType.String, DbType.String, DbType.String, DbType.Int32, DbType.Int64, DbType.Int64);

    private static readonly Statement EventRow = new(
        "INSERT INTO device_events (tenant_id, device_id, source, type, severity, at, message, origin, data) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8)",
        DbType.Int64, DbType.Int64, DbType.String, DbType.String, DbType.Int32, DbType.Int64, DbType.String, DbType.String, DbType.String);

    private static readonly Statement SqliteParameter = Upsert("IS NOT");

    private static readonly Statement PostgresParameter = Upsert("IS DISTINCT FROM");

    public async Task<IReadOnlyList<bool>> RecordAsync(IReadOnlyList<DeviceContact> contacts, CancellationToken ct)
    {
        var recorded = new bool[contacts.Count];
        if (contacts.Count == 0)
        {
            return recorded;
        }

        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var ids = contacts.Select(x => x.DeviceId).Distinct().ToArray();
        var rows = (await c.QueryAsync<ContactRow>(new CommandDefinition(
            $"""
            SELECT d.id AS Id, i.protocol AS Protocol, i.identity_key AS IdentityKey, d.manufacturer AS Manufacturer, d.model AS Model, d.serial AS Serial
            FROM devices d JOIN device_identities i ON i.device_id = d.id
            WHERE {(db.Dialect == Dialect.Postgres ? "d.id = ANY(@ids) FOR UPDATE OF d" : "d.id IN @ids")}
            """,
            new { ids }, tx, cancellationToken: ct))).ToList();
        var owners = rows.Select(r => (r.Id, new DeviceIdentity(r.Protocol, r.IdentityKey))).ToHashSet();
        var fields = rows.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First());
        var renamed = new HashSet<long>();
        var parameter = db.Dialect == Dialect.Postgres ? PostgresParameter : SqliteParameter;

        await using (var batch = new StatementBatch(db.Dialect, c, tx))
        {
            // In device order, so that two transactions touching the same devices lock them in the same order.
            foreach (var k in Enumerable.Range(0, contacts.Count).OrderBy(k => contacts[k].DeviceId))
            {
                var contact = contacts[k];
                if (!owners.Contains((contact.DeviceId, contact.Identity)))
                {
                    continue;
                }

                recorded[k] = true;
                var r = contact.Report;
                var now = Time.ToDb(contact.Time);
                await batch.AddAsync(Contact, [r.Manufacturer, r.Model, r.Serial, r.FirmwareVersion, r.Address, (int?)r.Status, now, contact.DeviceId], ct);
                var before = fields[contact.DeviceId];
                if ((r.Manufacturer is not null && r.Manufacturer != before.Manufacturer) || (r.Model is not null && r.Model != before.Model)
                    || (r.Serial is not null && r.Serial != before.Serial))
                {
                    renamed.Add(contact.DeviceId);
                }

                foreach (var p in contact.Parameters)
                {
                    await batch.AddAsync(parameter, [contact.DeviceId, p.Path, p.Value, p.Type, p.Writable, Time.ToDb(p.UpdatedAt)], ct);
                }

                foreach (var e in contact.Events)
                {
                    await batch.AddAsync(EventRow, [e.TenantId, e.DeviceId, e.Source, e.Type, (int)e.Severity, Time.ToDb(e.Time), e.Message, e.Origin, e.DataJson], ct);
                }
            }

            await batch.FlushAsync(ct);
        }

        foreach (var id in renamed)
        {
            await RewriteTermsAsync(c, tx, id, ct);
        }

        await tx.CommitAsync(ct);
        return recorded;
    }

    /// <summary>Inserts a parameter or updates its value and type when either changed; the stored writable flag is kept.</summary>
    private static Statement Upsert(string distinct) => new(
        $"""
        INSERT INTO device_parameters (device_id, path, value, type, writable, updated_at) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)
        ON CONFLICT (device_id, path) DO UPDATE SET value = excluded.value, type = excluded.type, updated_at = excluded.updated_at
        WHERE device_parameters.value {distinct} excluded.value OR device_parameters.type {distinct} excluded.type
        """,
        DbType.Int64, DbType.String, DbType.String, DbType.String, DbType.Boolean, DbType.Int64);

    private sealed class ContactRow
    {
        public long Id { get; set; }
        public string Protocol { get; set; } = "";
        public string IdentityKey { get; set; } = "";
        public string? Manufacturer { get; set; }
        public string? Model { get; set; }
        public string? Serial { get; set; }
    }
}
