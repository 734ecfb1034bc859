using System.Data.Common;
using Dapper;
using Qdms.Core.Errors;
using Qdms.Core.Tenants;

namespace Qdms.Storage.Stores;

internal sealed class SqlTenantStore(QdmsDb db) : ITenantStore
{
    private const string Columns = "id AS Id, name AS Name, display_name AS DisplayName, created_at AS CreatedAt";

    public async Task<IReadOnlyList<Tenant>> ListAsync(CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<Row>($"SELECT {Columns} FROM tenants ORDER BY id")).Select(r => r.ToTenant()).ToList();
    }

    public async Task<Tenant?> GetAsync(long id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM tenants WHERE id = @id", new { id }))?.ToTenant();
    }

    public async Task<Tenant?> FindByNameAsync(string name, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM tenants WHERE name = @name", new { name }))?.ToTenant();
    }

    public async Task<Tenant> CreateAsync(string name, string displayName, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        try
        {
            var id = await c.ExecuteScalarAsync<long>(
                "INSERT INTO tenants (name, display_name, created_at) VALUES (@name, @displayName, @at) RETURNING id",
                new { name, displayName, at = Time.ToDb(now) });
            return new Tenant(id, name, displayName, Time.FromDb(Time.ToDb(now)));
        }
        catch (DbException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw new ConflictException($"A tenant named '{name}' already exists.");
        }
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        try
        {
            return await c.ExecuteAsync("DELETE FROM tenants WHERE id = @id", new { id }) > 0;
        }
        catch (DbException e) when (DbErrors.IsForeignKeyViolation(e))
        {
            throw new ConflictException($"Tenant {id} still has users, devices or files; remove them first.");
        }
    }

    private sealed class Row
    {
        public long Id { get; set; }
        public string Name { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public long CreatedAt { get; set; }

        public Tenant ToTenant() => new(Id, Name, DisplayName, Time.FromDb(CreatedAt));
    }
}
