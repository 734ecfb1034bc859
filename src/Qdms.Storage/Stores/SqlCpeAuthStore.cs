using System.Data.Common;
using Dapper;
using Qdms.Core.CpeAuth;
using Qdms.Core.Devices;
using Qdms.Core.Security;

namespace Qdms.Storage.Stores;

/// <summary>CPE authentication rows (<c>tr069_cpe_auth</c>, <c>tr069_tenant_auth</c>) and the ACS's one-query look-ups.</summary>
internal sealed class SqlCpeAuthStore(QdmsDb db) : ICpeAuthStore
{
    public async Task<CpeAuthSettings?> GetAsync(long deviceId, TenantScope scope, CancellationToken ct)
    {
        var p = new DynamicParameters(new { deviceId });
        var where = TenantFilter.Sql(scope, p, "a.tenant_id");
        await using var c = await db.OpenAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<SettingsRow>(new CommandDefinition(
            "SELECT a.device_id AS DeviceId, a.tenant_id AS TenantId, a.mode AS Mode, a.password_sealed AS SealedPassword, " +
            $"a.hash_fingerprint AS HashFingerprint, a.updated_at AS UpdatedAt FROM tr069_cpe_auth a WHERE a.device_id = @deviceId{where}",
            p, cancellationToken: ct));
        return row is null ? null : new CpeAuthSettings(row.DeviceId, row.TenantId, Mode(row.Mode), row.SealedPassword, row.HashFingerprint, Time.FromDb(row.UpdatedAt));
    }

    public async Task UpsertAsync(CpeAuthSettings s, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO tr069_cpe_auth (device_id, tenant_id, mode, password_sealed, hash_fingerprint, updated_at)
            VALUES (@DeviceId, @TenantId, @mode, @SealedPassword, @HashFingerprint, @at)
            ON CONFLICT (device_id) DO UPDATE SET mode = excluded.mode, password_sealed = excluded.password_sealed,
                hash_fingerprint = excluded.hash_fingerprint, updated_at = excluded.updated_at
            """,
            new { s.DeviceId, s.TenantId, mode = s.Mode?.ToName(), s.SealedPassword, s.HashFingerprint, at = Time.ToDb(s.UpdatedAt) },
            cancellationToken: ct));
    }

    public async Task<CpeAuthMode?> GetTenantModeAsync(long tenantId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return Mode(await c.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT mode FROM tr069_tenant_auth WHERE tenant_id = @tenantId", new { tenantId }, cancellationToken: ct)));
    }

    public async Task SetTenantModeAsync(long tenantId, CpeAuthMode? mode, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            mode is null
                ? "DELETE FROM tr069_tenant_auth WHERE tenant_id = @tenantId"
                : """
                  INSERT INTO tr069_tenant_auth (tenant_id, mode, updated_at) VALUES (@tenantId, @mode, @at)
                  ON CONFLICT (tenant_id) DO UPDATE SET mode = excluded.mode, updated_at = excluded.updated_at
                  """,
            new { tenantId, mode = mode?.ToName(), at = Time.ToDb(now) }, cancellationToken: ct));
    }

    public async Task<CpeLogin?> FindLoginAsync(string username, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<LoginRow>(new CommandDefinition(
            """
            SELECT d.id AS DeviceId, d.tenant_id AS TenantId, d.credentials_hash AS PasswordHash, a.password_sealed AS SealedPassword,
                a.hash_fingerprint AS HashFingerprint, a.mode AS DeviceMode, t.mode AS TenantMode
            FROM devices d
            LEFT JOIN tr069_cpe_auth a ON a.device_id = d.id
            LEFT JOIN tr069_tenant_auth t ON t.tenant_id = d.tenant_id
            WHERE d.credentials_username = @username
            """,
            new { username }, cancellationToken: ct));
        return row?.PasswordHash is null
            ? null
            : new CpeLogin(row.DeviceId, row.TenantId, row.PasswordHash, row.SealedPassword, row.HashFingerprint, Mode(row.DeviceMode), Mode(row.TenantMode));
    }

    public async Task<CpeAdmission?> FindAdmissionAsync(DeviceIdentity identity, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<AdmissionRow>(new CommandDefinition(
            """
            SELECT d.id AS DeviceId, d.tenant_id AS TenantId, a.mode AS DeviceMode, t.mode AS TenantMode, d.credentials_username AS Username,
                d.credentials_hash AS PasswordHash, a.password_sealed AS SealedPassword, a.hash_fingerprint AS HashFingerprint
            FROM device_identities i
            JOIN devices d ON d.id = i.device_id
            LEFT JOIN tr069_cpe_auth a ON a.device_id = d.id
            LEFT JOIN tr069_tenant_auth t ON t.tenant_id = d.tenant_id
            WHERE i.protocol = @Protocol AND i.identity_key = @Key
            """,
            new { identity.Protocol, identity.Key }, cancellationToken: ct));
        return row is null
            ? null
            : new CpeAdmission(row.DeviceId, row.TenantId, Mode(row.DeviceMode), Mode(row.TenantMode), row.Username, row.PasswordHash, row.SealedPassword, row.HashFingerprint);
    }

    public async Task<bool> ClaimIdentityAsync(long deviceId, DeviceIdentity identity, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var existing = await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM device_identities WHERE device_id = @deviceId AND protocol = @Protocol",
            new { deviceId, identity.Protocol }, tx, cancellationToken: ct));
        if (existing > 0)
        {
            return false;
        }

        try
        {
            await c.ExecuteAsync(new CommandDefinition(
                "INSERT INTO device_identities (protocol, identity_key, device_id) VALUES (@Protocol, @Key, @deviceId)",
                new { identity.Protocol, identity.Key, deviceId }, tx, cancellationToken: ct));
        }
        catch (DbException e) when (DbErrors.IsUniqueViolation(e))
        {
            return false;
        }

        await tx.CommitAsync(ct);
        return true;
    }

    private static CpeAuthMode? Mode(string? name) => CpeAuthModes.TryParse(name, out var mode) ? mode : null;

    private sealed class SettingsRow
    {
        public long DeviceId { get; set; }

        public long TenantId { get; set; }

        public string? Mode { get; set; }

        public string? SealedPassword { get; set; }

        public string? HashFingerprint { get; set; }

        public long UpdatedAt { get; set; }
    }

    private sealed class LoginRow
    {
        public long DeviceId { get; set; }

        public long TenantId { get; set; }

        public string? PasswordHash { get; set; }

        public string? SealedPassword { get; set; }

        public string? HashFingerprint { get; set; }

        public string? DeviceMode { get; set; }

        public string? TenantMode { get; set; }
    }

    private sealed class AdmissionRow
    {
        public long DeviceId { get; set; }

        public long TenantId { get; set; }

        public string? DeviceMode { get; set; }

        public string? TenantMode { get; set; }

        public string? Username { get; set; }

        public string? PasswordHash { get; set; }

        public string? SealedPassword { get; set; }

        public string? HashFingerprint { get; set; }
    }
}
