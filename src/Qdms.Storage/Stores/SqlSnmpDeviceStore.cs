using System.Data.Common;
using Dapper;
using Qdms.Core.Devices;
using Qdms.Core.Errors;
using Qdms.Core.Security;
using Qdms.Core.Snmp;

namespace Qdms.Storage.Stores;

/// <summary>SNMP settings, one row per device; the device's <c>snmp</c> identity changes in the same transaction.</summary>
internal sealed class SqlSnmpDeviceStore(QdmsDb db) : ISnmpDeviceStore
{
    private const string Columns =
        "s.device_id AS DeviceId, s.tenant_id AS TenantId, s.host AS Host, s.port AS Port, s.version AS Version, s.community AS Community, " +
        "s.user_name AS UserName, s.auth_protocol AS AuthProtocol, s.auth_password AS AuthPassword, s.priv_protocol AS PrivProtocol, " +
        "s.priv_password AS PrivPassword, s.context_name AS ContextName, s.engine_id AS EngineId, s.updated_at AS UpdatedAt";

    public async Task<SnmpDeviceSettings?> GetAsync(long deviceId, TenantScope scope, CancellationToken ct)
    {
        var p = new DynamicParameters(new { deviceId });
        var where = TenantFilter.Sql(scope, p, "s.tenant_id");
        await using var c = await db.OpenAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM snmp_devices s WHERE s.device_id = @deviceId{where}", p, cancellationToken: ct));
        return row?.ToSettings();
    }

    public async Task UpsertAsync(SnmpDeviceSettings s, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var key = s.IdentityKey;
        var owner = await c.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT device_id FROM device_identities WHERE protocol = 'snmp' AND identity_key = @key", new { key }, tx, cancellationToken: ct));
        if (owner is { } other && other != s.DeviceId)
        {
            throw new ConflictException($"The identity snmp:{key} already belongs to another device.");
        }

        await c.ExecuteAsync(new CommandDefinition(
            "DELETE FROM device_identities WHERE device_id = @DeviceId AND protocol = 'snmp' AND identity_key <> @key", new { s.DeviceId, key }, tx, cancellationToken: ct));
        if (owner is null)
        {
            try
            {
                await c.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO device_identities (protocol, identity_key, device_id) VALUES ('snmp', @key, @DeviceId)", new { key, s.DeviceId }, tx, cancellationToken: ct));
            }
            catch (DbException e) when (DbErrors.IsUniqueViolation(e))
            {
                throw new ConflictException($"The identity snmp:{key} was just taken by another device.");
            }
        }

        await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO snmp_devices (device_id, tenant_id, host, port, version, community, user_name, auth_protocol, auth_password, priv_protocol,
                priv_password, context_name, engine_id, created_at, updated_at)
            VALUES (@DeviceId, @TenantId, @Host, @Port, @version, @SealedCommunity, @UserName, @AuthProtocol, @SealedAuthPassword, @PrivProtocol,
                @SealedPrivPassword, @ContextName, @EngineId, @now, @now)
            ON CONFLICT (device_id) DO UPDATE SET host = excluded.host, port = excluded.port, version = excluded.version,
                community = excluded.community, user_name = excluded.user_name, auth_protocol = excluded.auth_protocol,
                auth_password = excluded.auth_password, priv_protocol = excluded.priv_protocol, priv_password = excluded.priv_password,
                context_name = excluded.context_name, engine_id = excluded.engine_id, updated_at = excluded.updated_at
            """,
            new
            {
                s.DeviceId,
                s.TenantId,
                s.Host,
                s.Port,
                version = (int)s.Version,
                s.SealedCommunity,
                s.UserName,
                s.AuthProtocol,
                s.SealedAuthPassword,
                s.PrivProtocol,
                s.SealedPrivPassword,
                s.ContextName,
                s.EngineId,
                now = Time.ToDb(now),
            },
            tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    public async Task<bool> DeleteAsync(long deviceId, TenantScope scope, CancellationToken ct)
    {
        var p = new DynamicParameters(new { deviceId });
        var where = TenantFilter.Sql(scope, p);
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var n = await c.ExecuteAsync(new CommandDefinition($"DELETE FROM snmp_devices WHERE device_id = @deviceId{where}", p, tx, cancellationToken: ct));
        if (n > 0)
        {
            await c.ExecuteAsync(new CommandDefinition("DELETE FROM device_identities WHERE device_id = @deviceId AND protocol = 'snmp'", new { deviceId }, tx, cancellationToken: ct));
        }

        await tx.CommitAsync(ct);
        return n > 0;
    }

    public async Task<IReadOnlyList<SnmpPolledDevice>> ListForPollingAsync(CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns}, d.tags AS Tags, d.status AS Status FROM snmp_devices s JOIN devices d ON d.id = s.device_id ORDER BY s.device_id", cancellationToken: ct));
        return rows.Select(r => new SnmpPolledDevice(r.ToSettings(), r.Tags.Length == 0 ? [] : r.Tags.Split(';'), (DeviceStatus)r.Status)).ToList();
    }

    private sealed class Row
    {
        public long DeviceId { get; set; }
        public long TenantId { get; set; }
        public string Host { get; set; } = "";
        public long Port { get; set; }
        public long Version { get; set; }
        public string? Community { get; set; }
        public string? UserName { get; set; }
        public string AuthProtocol { get; set; } = "none";
        public string? AuthPassword { get; set; }
        public string PrivProtocol { get; set; } = "none";
        public string? PrivPassword { get; set; }
        public string? ContextName { get; set; }
        public string? EngineId { get; set; }
        public long UpdatedAt { get; set; }
        public string Tags { get; set; } = "";
        public long Status { get; set; }

        public SnmpDeviceSettings ToSettings() => new(
            DeviceId, TenantId, Host, (int)Port, (SnmpDeviceVersion)Version, Community, UserName, AuthProtocol, AuthPassword, PrivProtocol, PrivPassword,
            ContextName, EngineId, Time.FromDb(UpdatedAt));
    }
}
