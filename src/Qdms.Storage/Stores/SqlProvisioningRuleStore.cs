using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Qdms.Core.Errors;
using Qdms.Core.Provisioning;
using Qdms.Core.Security;

namespace Qdms.Storage.Stores;

/// <summary>Provisioning rules (events, conditions and actions kept as a JSON definition) and their applied records.</summary>
internal sealed class SqlProvisioningRuleStore(QdmsDb db) : IProvisioningRuleStore
{
    private const string Columns =
        "id AS Id, tenant_id AS TenantId, name AS Name, description AS Description, enabled AS Enabled, priority AS Priority, revision AS Revision, " +
        "definition AS Definition, created_at AS CreatedAt, updated_at AS UpdatedAt, updated_by AS UpdatedBy";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public async Task<IReadOnlyList<ProvisioningRule>> ListAsync(TenantScope scope, CancellationToken ct)
    {
        var p = new DynamicParameters();
        var where = TenantFilter.Sql(scope, p);
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM provisioning_rules WHERE 1=1{where} ORDER BY tenant_id, priority, id", p, cancellationToken: ct));
        return rows.Select(r => r.ToRule()).ToList();
    }

    public async Task<IReadOnlyList<ProvisioningRule>> ListEnabledAsync(long tenantId, CancellationToken ct)
    {
        var p = new DynamicParameters(new { enabled = true });
        var where = TenantFilter.Sql(TenantScope.Of(tenantId), p);
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM provisioning_rules WHERE enabled = @enabled{where} ORDER BY priority, id", p, cancellationToken: ct));
        return rows.Select(r => r.ToRule()).ToList();
    }

    public async Task<ProvisioningRule?> GetAsync(long id, TenantScope scope, CancellationToken ct)
    {
        var p = new DynamicParameters(new { id });
        var where = TenantFilter.Sql(scope, p);
        await using var c = await db.OpenAsync(ct);
        return (await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM provisioning_rules WHERE id = @id{where}", p, cancellationToken: ct)))?.ToRule();
    }

    public async Task<ProvisioningRule> CreateAsync(long tenantId, ProvisioningRuleSpec spec, DateTimeOffset now, string by, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        try
        {
            var id = await c.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                INSERT INTO provisioning_rules (tenant_id, name, description, enabled, priority, revision, definition, created_at, updated_at, updated_by)
                VALUES (@tenantId, @Name, @Description, @Enabled, @Priority, 1, @definition, @now, @now, @by)
                RETURNING id
                """,
                new { tenantId, spec.Name, spec.Description, spec.Enabled, spec.Priority, definition = Serialize(spec), now = Time.ToDb(now), by },
                cancellationToken: ct));
            var at = Time.FromDb(Time.ToDb(now));
            return new ProvisioningRule(id, tenantId, spec.Name, spec.Description, spec.Enabled, spec.Priority, spec.Events, spec.When, spec.Actions, 1, at, at, by);
        }
        catch (DbException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw new ConflictException($"Tenant {tenantId} already has a provisioning rule named '{spec.Name}'.");
        }
    }

    public async Task<ProvisioningRule?> UpdateAsync(long id, TenantScope scope, ProvisioningRuleSpec spec, DateTimeOffset now, string by, CancellationToken ct)
    {
        var p = new DynamicParameters(new { id, spec.Name, spec.Description, spec.Enabled, spec.Priority, definition = Serialize(spec), now = Time.ToDb(now), by });
        var where = TenantFilter.Sql(scope, p);
        await using var c = await db.OpenAsync(ct);
        try
        {
            var n = await c.ExecuteAsync(new CommandDefinition(
                $"""
                UPDATE provisioning_rules SET name = @Name, description = @Description, enabled = @Enabled, priority = @Priority, definition = @definition,
                    revision = revision + 1, updated_at = @now, updated_by = @by
                WHERE id = @id{where}
                """,
                p, cancellationToken: ct));
            return n == 0 ? null : await GetAsync(id, scope, ct);
        }
        catch (DbException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw new ConflictException($"The tenant already has another provisioning rule named '{spec.Name}'.");
        }
    }

    public async Task<bool> DeleteAsync(long id, TenantScope scope, CancellationToken ct)
    {
        var p = new DynamicParameters(new { id });
        var where = TenantFilter.Sql(scope, p);
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var n = await c.ExecuteAsync(new CommandDefinition($"DELETE FROM provisioning_rules WHERE id = @id{where}", p, tx, cancellationToken: ct));
        if (n > 0)
        {
            await c.ExecuteAsync(new CommandDefinition("DELETE FROM provisioning_applied WHERE rule_id = @id", new { id }, tx, cancellationToken: ct));
        }

        await tx.CommitAsync(ct);
        return n > 0;
    }

    public async Task<IReadOnlyDictionary<long, RuleApplication>> ListAppliedAsync(long deviceId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<AppliedRow>(new CommandDefinition(
            "SELECT rule_id AS RuleId, revision AS Revision, applied_at AS AppliedAt FROM provisioning_applied WHERE device_id = @deviceId", new { deviceId }, cancellationToken: ct));
        return rows.ToDictionary(r => r.RuleId, r => new RuleApplication(r.Revision, Time.FromDb(r.AppliedAt)));
    }

    public async Task RecordAppliedAsync(long ruleId, int revision, long deviceId, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO provisioning_applied (rule_id, device_id, revision, applied_at) VALUES (@ruleId, @deviceId, @revision, @now)
            ON CONFLICT (device_id, rule_id) DO UPDATE SET revision = excluded.revision, applied_at = excluded.applied_at
            """,
            new { ruleId, deviceId, revision, now = Time.ToDb(now) }, cancellationToken: ct));
    }

    private static string Serialize(ProvisioningRuleSpec spec) => JsonSerializer.Serialize(new Definition(spec.Events, spec.When, spec.Actions), Json);

    private sealed record Definition(IReadOnlyList<string> Events, RuleConditions When, IReadOnlyList<RuleAction> Actions);

    private sealed class Row
    {
        public long Id { get; set; }
        public long TenantId { get; set; }
        public string Name { get; set; } = "";
        public string? Description { get; set; }
        public bool Enabled { get; set; }
        public int Priority { get; set; }
        public int Revision { get; set; }
        public string Definition { get; set; } = "{}";
        public long CreatedAt { get; set; }
        public long UpdatedAt { get; set; }
        public string UpdatedBy { get; set; } = "";

        public ProvisioningRule ToRule()
        {
            var d = JsonSerializer.Deserialize<Definition>(Definition, Json) ?? new Definition([], RuleConditions.None, []);
            return new ProvisioningRule(Id, TenantId, Name, Description, Enabled, Priority, d.Events, d.When ?? RuleConditions.None, d.Actions,
                Revision, Time.FromDb(CreatedAt), Time.FromDb(UpdatedAt), UpdatedBy);
        }
    }

    private sealed class AppliedRow
    {
        public long RuleId { get; set; }
        public int Revision { get; set; }
        public long AppliedAt { get; set; }
    }
}
