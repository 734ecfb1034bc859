using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Qdms.Core.Errors;
using Qdms.Core.Security;
using Qdms.Core.Snmp;

namespace Qdms.Storage.Stores;

/// <summary>Tenants' polling profiles (objects kept as a JSON definition) and profile assignments.</summary>
internal sealed class SqlSnmpProfileStore(QdmsDb db) : ISnmpProfileStore
{
    private const string Columns = "tenant_id AS TenantId, name AS Name, description AS Description, interval_seconds AS IntervalSeconds, definition AS Definition";
    private const string AssignmentColumns = "id AS Id, tenant_id AS TenantId, profile AS Profile, device_id AS DeviceId, tag AS Tag, created_at AS CreatedAt";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public async Task<IReadOnlyList<SnmpProfile>> ListAsync(TenantScope scope, CancellationToken ct)
    {
        var p = new DynamicParameters();
        var where = TenantFilter.Sql(scope, p);
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM snmp_profiles WHERE 1=1{where} ORDER BY tenant_id, name", p, cancellationToken: ct));
        return rows.Select(r => r.ToProfile()).ToList();
    }

    public async Task<SnmpProfile?> GetAsync(long tenantId, string name, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM snmp_profiles WHERE tenant_id = @tenantId AND name = @name", new { tenantId, name }, cancellationToken: ct));
        return row?.ToProfile();
    }

    public async Task CreateAsync(SnmpProfile profile, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        try
        {
            await c.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO snmp_profiles (tenant_id, name, description, interval_seconds, definition, created_at, updated_at)
                VALUES (@TenantId, @Name, @Description, @IntervalSeconds, @definition, @now, @now)
                """,
                new { profile.TenantId, profile.Name, profile.Description, profile.IntervalSeconds, definition = Serialize(profile), now = Time.ToDb(now) },
                cancellationToken: ct));
        }
        catch (DbException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw new ConflictException($"Tenant {profile.TenantId} already has an SNMP profile named '{profile.Name}'.");
        }
    }

    public async Task<bool> UpdateAsync(SnmpProfile profile, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync(new CommandDefinition(
            """
            UPDATE snmp_profiles SET description = @Description, interval_seconds = @IntervalSeconds, definition = @definition, updated_at = @now
            WHERE tenant_id = @TenantId AND name = @Name
            """,
            new { profile.TenantId, profile.Name, profile.Description, profile.IntervalSeconds, definition = Serialize(profile), now = Time.ToDb(now) },
            cancellationToken: ct)) > 0;
    }

    public async Task<bool> DeleteAsync(long tenantId, string name, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var n = await c.ExecuteAsync(new CommandDefinition("DELETE FROM snmp_profiles WHERE tenant_id = @tenantId AND name = @name", new { tenantId, name }, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition("DELETE FROM snmp_assignments WHERE tenant_id = @tenantId AND profile = @name", new { tenantId, name }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return n > 0;
    }

    public async Task<IReadOnlyList<SnmpAssignment>> ListAssignmentsAsync(TenantScope scope, CancellationToken ct)
    {
        var p = new DynamicParameters();
        var where = TenantFilter.Sql(scope, p);
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<AssignmentRow>(new CommandDefinition($"SELECT {AssignmentColumns} FROM snmp_assignments WHERE 1=1{where} ORDER BY id", p, cancellationToken: ct));
        return rows.Select(r => r.ToAssignment()).ToList();
    }

    public async Task<SnmpAssignment> AssignAsync(long tenantId, string profile, long? deviceId, string? tag, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        try
        {
            var id = await c.ExecuteScalarAsync<long>(new CommandDefinition(
                "INSERT INTO snmp_assignments (tenant_id, profile, device_id, tag, created_at) VALUES (@tenantId, @profile, @deviceId, @tag, @now) RETURNING id",
                new { tenantId, profile, deviceId, tag, now = Time.ToDb(now) }, cancellationToken: ct));
            return new SnmpAssignment(id, tenantId, profile, deviceId, tag, Time.FromDb(Time.ToDb(now)));
        }
        catch (DbException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw new ConflictException($"Profile '{profile}' is already assigned to {(deviceId is null ? $"tag '{tag}'" : $"device {deviceId}")}.");
        }
    }

    public async Task<bool> UnassignAsync(long id, TenantScope scope, CancellationToken ct)
    {
        var p = new DynamicParameters(new { id });
        var where = TenantFilter.Sql(scope, p);
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync(new CommandDefinition($"DELETE FROM snmp_assignments WHERE id = @id{where}", p, cancellationToken: ct)) > 0;
    }

    private static string Serialize(SnmpProfile profile) => JsonSerializer.Serialize(new Definition(profile.Scalars, profile.Tables), Json);

    private sealed record Definition(IReadOnlyList<SnmpObject> Scalars, IReadOnlyList<SnmpTableSpec> Tables);

    private sealed class Row
    {
        public long TenantId { get; set; }
        public string Name { get; set; } = "";
        public string? Description { get; set; }
        public long IntervalSeconds { get; set; }
        public string Definition { get; set; } = "{}";

        public SnmpProfile ToProfile()
        {
            var d = JsonSerializer.Deserialize<Definition>(Definition, Json) ?? new Definition([], []);
            return new SnmpProfile(TenantId, Name, Description, (int)IntervalSeconds, d.Scalars, d.Tables);
        }
    }

    private sealed class AssignmentRow
    {
        public long Id { get; set; }
        public long TenantId { get; set; }
        public string Profile { get; set; } = "";
        public long? DeviceId { get; set; }
        public string? Tag { get; set; }
        public long CreatedAt { get; set; }

        public SnmpAssignment ToAssignment() => new(Id, TenantId, Profile, DeviceId, Tag, Time.FromDb(CreatedAt));
    }
}
