using System.Data.Common;
using Dapper;
using Qdms.Core.Errors;
using Qdms.Core.Paging;
using Qdms.Core.Scenarios;
using Qdms.Core.Security;

namespace Qdms.Storage.Stores;

internal sealed class SqlScenarioStore(QdmsDb db) : IScenarioStore
{
    private const string Columns =
        "id AS Id, tenant_id AS TenantId, name AS Name, text AS Text, revision AS Revision, derived_from_id AS DerivedFromId, " +
        "derived_from_revision AS DerivedFromRevision, created_at AS CreatedAt, created_by AS CreatedBy, updated_at AS UpdatedAt, updated_by AS UpdatedBy";

    public async Task<StoredScenario> CreateAsync(StoredScenario s, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        try
        {
            var id = await c.ExecuteScalarAsync<long>(
                """
                INSERT INTO scenarios (tenant_id, name, text, revision, derived_from_id, derived_from_revision, created_at, created_by, updated_at, updated_by)
                VALUES (@TenantId, @Name, @Text, @Revision, @DerivedFromId, @DerivedFromRevision, @createdAt, @CreatedBy, @updatedAt, @UpdatedBy)
                RETURNING id
                """,
                new
                {
                    s.TenantId,
                    s.Name,
                    s.Text,
                    s.Revision,
                    s.DerivedFromId,
                    s.DerivedFromRevision,
                    createdAt = Time.ToDb(s.CreatedAt),
                    s.CreatedBy,
                    updatedAt = Time.ToDb(s.UpdatedAt),
                    s.UpdatedBy,
                });
            return s with { Id = id, CreatedAt = Time.FromDb(Time.ToDb(s.CreatedAt)), UpdatedAt = Time.FromDb(Time.ToDb(s.UpdatedAt)) };
        }
        catch (DbException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw new ConflictException($"A scenario named '{s.Name}' already exists.");
        }
    }

    public async Task<StoredScenario?> GetAsync(long id, TenantScope scope, CancellationToken ct)
    {
        var p = new DynamicParameters(new { id });
        var where = TenantFilter.Sql(scope, p);
        await using var c = await db.OpenAsync(ct);
        return (await c.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM scenarios WHERE id = @id{where}", p))?.ToScenario();
    }

    public async Task<Page<StoredScenario>> ListAsync(TenantScope scope, PageRequest page, CancellationToken ct)
    {
        var p = new DynamicParameters();
        var where = "WHERE 1=1" + TenantFilter.Sql(scope, p);
        p.Add("limit", page.Size);
        p.Add("offset", page.Offset);
        await using var c = await db.OpenAsync(ct);
        var total = await c.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM scenarios {where}", p);
        var rows = await c.QueryAsync<Row>($"SELECT {Columns} FROM scenarios {where} ORDER BY name, id LIMIT @limit OFFSET @offset", p);
        return new Page<StoredScenario>(rows.Select(r => r.ToScenario()).ToList(), total, page.Page, page.Size);
    }

    public async Task<bool> UpdateTextAsync(long id, TenantScope scope, string text, int expectedRevision, DateTimeOffset now, string by, CancellationToken ct)
    {
        var p = new DynamicParameters(new { id, text, expectedRevision, now = Time.ToDb(now), by });
        var where = TenantFilter.Sql(scope, p);
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync(
            $"UPDATE scenarios SET text = @text, revision = revision + 1, updated_at = @now, updated_by = @by WHERE id = @id AND revision = @expectedRevision{where}", p) > 0;
    }

    public async Task<bool> DeleteAsync(long id, TenantScope scope, CancellationToken ct)
    {
        var p = new DynamicParameters(new { id });
        var where = TenantFilter.Sql(scope, p);
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync($"DELETE FROM scenarios WHERE id = @id{where}", p) > 0;
    }

    private sealed class Row
    {
        public long Id { get; set; }
        public long TenantId { get; set; }
        public string Name { get; set; } = "";
        public string Text { get; set; } = "";
        public int Revision { get; set; }
        public long? DerivedFromId { get; set; }
        public int? DerivedFromRevision { get; set; }
        public long CreatedAt { get; set; }
        public string CreatedBy { get; set; } = "";
        public long UpdatedAt { get; set; }
        public string UpdatedBy { get; set; } = "";

        public StoredScenario ToScenario() =>
            new(Id, TenantId, Name, Text, Revision, DerivedFromId, DerivedFromRevision, Time.FromDb(CreatedAt), CreatedBy, Time.FromDb(UpdatedAt), UpdatedBy);
    }
}
