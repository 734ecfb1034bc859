using System.Data.Common;
using Dapper;
using Qdms.Core.Devices;
using Qdms.Core.Errors;
using Qdms.Core.Security;

namespace Qdms.Storage.Stores;

/// <summary>Creating, editing and deleting devices. Side tables (identities, tags, search terms) change in the same transaction as the row.</summary>
internal sealed partial class SqlDeviceStore
{
    private const int FindOrCreateAttempts = 5;

    public async Task<Device> CreateAsync(long tenantId, DeviceDraft draft, DateTimeOffset now, CancellationToken ct, string? username = null, string? passwordHash = null)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        long id;
        try
        {
            id = await InsertAsync(c, tx, tenantId, draft, now, ct);
            if (passwordHash is not null)
            {
                await c.ExecuteAsync(new CommandDefinition(
                    "UPDATE devices SET credentials_username = @username, credentials_hash = @passwordHash WHERE id = @id", new { username, passwordHash, id }, tx, cancellationToken: ct));
            }
        }
        catch (DbException e) when (DbErrors.IsUniqueViolation(e))
        {
            await tx.RollbackAsync(ct);
            throw await IdentityConflictAsync(draft.Identities, ct)
                ?? new ConflictException($"The device user name '{username}' is already taken by another device.");
        }

        var device = await GetAsync(c, tx, "d.id = @id", new DynamicParameters(new { id }), ct);
        await tx.CommitAsync(ct);
        return device!;
    }

    public async Task<DeviceResolution> FindOrCreateAsync(long tenantId, DeviceIdentity identity, DeviceDraft draft, DateTimeOffset now, CancellationToken ct)
    {
        var withIdentity = draft with { Identities = [identity, .. draft.Identities.Where(i => i != identity)] };
        for (var attempt = 1; ; attempt++)
        {
            if (await FindByIdentityAsync(identity, ct) is { } existing)
            {
                return new DeviceResolution(existing, false);
            }

            try
            {
                return new DeviceResolution(await CreateAsync(tenantId, withIdentity, now, ct), true);
            }
            catch (ConflictException) when (attempt < FindOrCreateAttempts)
            {
                // Another caller created it between our look-up and our insert: look it up again.
            }
        }
    }

    public async Task<bool> UpdateAsync(Device device, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var n = await c.ExecuteAsync(new CommandDefinition(
            """
            UPDATE devices SET name = @Name, tags = @tags, provision_group = @ProvisionGroup, update_group = @UpdateGroup,
                address = @Address, updated_at = @now
            WHERE id = @Id
            """,
            new { device.Name, tags = DeviceRow.JoinTags(device.Tags), device.ProvisionGroup, device.UpdateGroup, device.Address, now = Time.ToDb(now), device.Id },
            tx, cancellationToken: ct));
        if (n == 0)
        {
            return false;
        }

        await ReplaceTagsAsync(c, tx, device.Id, device.Tags, ct);
        await RewriteTermsAsync(c, tx, device.Id, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<bool> RecordContactAsync(long deviceId, DeviceReport report, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var n = await c.ExecuteAsync(new CommandDefinition(
            """
            UPDATE devices SET manufacturer = COALESCE(@Manufacturer, manufacturer), model = COALESCE(@Model, model),
                serial = COALESCE(@Serial, serial), firmware_version = COALESCE(@FirmwareVersion, firmware_version),
                address = COALESCE(@Address, address), status = COALESCE(@status, status),
                last_contact_at = @now, updated_at = @now
            WHERE id = @deviceId
            """,
            new { report.Manufacturer, report.Model, report.Serial, report.FirmwareVersion, report.Address, status = (int?)report.Status, now = Time.ToDb(now), deviceId },
            tx, cancellationToken: ct));
        if (n == 0)
        {
            return false;
        }

        if (report.Manufacturer is not null || report.Model is not null || report.Serial is not null)
        {
            await RewriteTermsAsync(c, tx, deviceId, ct);
        }

        await tx.CommitAsync(ct);
        return true;
    }

    public async Task SetCredentialsAsync(long deviceId, string? username, string? passwordHash, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        try
        {
            await c.ExecuteAsync(new CommandDefinition(
                "UPDATE devices SET credentials_username = @username, credentials_hash = @passwordHash, updated_at = @now WHERE id = @deviceId",
                new { username = passwordHash is null ? null : username, passwordHash, now = Time.ToDb(now), deviceId }, cancellationToken: ct));
        }
        catch (DbException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw new ConflictException($"The device user name '{username}' is already taken by another device.");
        }
    }

    public async Task<bool> DeleteAsync(long id, TenantScope scope, CancellationToken ct)
    {
        var p = new DynamicParameters(new { id });
        var where = TenantFilter.Sql(scope, p);
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync(new CommandDefinition($"DELETE FROM devices WHERE id = @id{where}", p, cancellationToken: ct)) > 0;
    }

    /// <summary>Inserts the row and its identities, tags and search terms; a taken identity surfaces as a unique violation.</summary>
    private static async Task<long> InsertAsync(DbConnection c, DbTransaction tx, long tenantId, DeviceDraft d, DateTimeOffset now, CancellationToken ct)
    {
        var tags = d.Tags ?? [];
        var name = string.IsNullOrWhiteSpace(d.Name) ? d.Identities[0].Key : d.Name;
        var id = await c.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO devices (tenant_id, name, manufacturer, model, serial, firmware_version, address, last_contact_at, status, tags,
                provision_group, update_group, credentials_username, credentials_hash, created_at, updated_at)
            VALUES (@tenantId, @name, @Manufacturer, @Model, @Serial, @FirmwareVersion, @Address, NULL, @status, @tags,
                @ProvisionGroup, @UpdateGroup, NULL, NULL, @now, @now)
            RETURNING id
            """,
            new
            {
                tenantId,
                name,
                d.Manufacturer,
                d.Model,
                d.Serial,
                d.FirmwareVersion,
                d.Address,
                status = (int)DeviceStatus.Unknown,
                tags = DeviceRow.JoinTags(tags),
                d.ProvisionGroup,
                d.UpdateGroup,
                now = Time.ToDb(now),
            },
            tx, cancellationToken: ct));
        await AddIdentitiesAsync(c, tx, id, d.Identities, ct);
        await ReplaceTagsAsync(c, tx, id, tags, ct, fresh: true);
        await WriteTermsAsync(c, tx, id, DeviceSearchTerms.For(name, d.Manufacturer, d.Model, d.Serial, d.Identities), ct);
        return id;
    }

    private static Task AddIdentitiesAsync(DbConnection c, DbTransaction tx, long id, IEnumerable<DeviceIdentity> identities, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO device_identities (protocol, identity_key, device_id) VALUES (@Protocol, @Key, @id)",
            identities.Select(i => new { i.Protocol, i.Key, id }), tx, cancellationToken: ct));

    private static async Task ReplaceTagsAsync(DbConnection c, DbTransaction tx, long id, IEnumerable<string> tags, CancellationToken ct, bool fresh = false)
    {
        if (!fresh)
        {
            await c.ExecuteAsync(new CommandDefinition("DELETE FROM device_tags WHERE device_id = @id", new { id }, tx, cancellationToken: ct));
        }

        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO device_tags (tag, device_id) VALUES (@tag, @id)", tags.Select(tag => new { tag, id }), tx, cancellationToken: ct));
    }

    /// <summary>Recomputes a device's search terms from its stored row and identities.</summary>
    private async Task RewriteTermsAsync(DbConnection c, DbTransaction tx, long id, CancellationToken ct)
    {
        var device = await GetAsync(c, tx, "d.id = @id", new DynamicParameters(new { id }), ct);
        if (device is null)
        {
            return;
        }

        await c.ExecuteAsync(new CommandDefinition("DELETE FROM device_search_terms WHERE device_id = @id", new { id }, tx, cancellationToken: ct));
        await WriteTermsAsync(c, tx, id, DeviceSearchTerms.For(device.Name, device.Manufacturer, device.Model, device.Serial, device.Identities), ct);
    }

    private static Task WriteTermsAsync(DbConnection c, DbTransaction tx, long id, IEnumerable<byte[]> terms, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO device_search_terms (term, device_id) VALUES (@term, @id)", terms.Select(term => new { term, id }), tx, cancellationToken: ct));

    /// <summary>Names the first identity of <paramref name="identities"/> that another device already owns; null when none is taken.</summary>
    private async Task<ConflictException?> IdentityConflictAsync(IEnumerable<DeviceIdentity> identities, CancellationToken ct)
    {
        foreach (var identity in identities)
        {
            if (await FindByIdentityAsync(identity, ct) is not null)
            {
                return new ConflictException($"The identity {identity} already belongs to a device.");
            }
        }

        return null;
    }
}
