using System.Data.Common;
using Dapper;
using Qdms.Core.Errors;
using Qdms.Core.Security;
using Qdms.Core.Users;

namespace Qdms.Storage.Stores;

internal sealed class SqlUserStore(QdmsDb db) : IUserStore
{
    private const string Columns =
        "id AS Id, username AS Username, role AS Role, tenant_id AS TenantId, password_hash AS PasswordHash, disabled AS Disabled, created_at AS CreatedAt";

    public async Task<long> CountAsync(CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users");
    }

    public async Task<IReadOnlyList<User>> ListAsync(TenantScope scope, CancellationToken ct)
    {
        var p = new DynamicParameters();
        var where = TenantFilter.Sql(scope, p);
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<Row>($"SELECT {Columns} FROM users WHERE 1=1{where} ORDER BY id", p)).Select(r => r.ToUser()).ToList();
    }

    public async Task<User?> GetAsync(long id, TenantScope scope, CancellationToken ct)
    {
        var p = new DynamicParameters(new { id });
        var where = TenantFilter.Sql(scope, p);
        await using var c = await db.OpenAsync(ct);
        return (await c.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM users WHERE id = @id{where}", p))?.ToUser();
    }

    public async Task<User?> FindByIdAsync(long id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM users WHERE id = @id", new { id }))?.ToUser();
    }

    public async Task<User?> FindByNameAsync(string username, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM users WHERE username = @username", new { username }))?.ToUser();
    }

    public async Task<User> CreateAsync(string username, Role role, long? tenantId, string passwordHash, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        try
        {
            var id = await c.ExecuteScalarAsync<long>(
                """
                INSERT INTO users (username, role, tenant_id, password_hash, disabled, created_at)
                VALUES (@username, @role, @tenantId, @passwordHash, @disabled, @at) RETURNING id
                """,
                new { username, role = (int)role, tenantId, passwordHash, disabled = false, at = Time.ToDb(now) });
            return new User(id, username, role, tenantId, passwordHash, false, Time.FromDb(Time.ToDb(now)));
        }
        catch (DbException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw new ConflictException($"A user named '{username}' already exists.");
        }
    }

    public async Task UpdateAsync(User user, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(
            "UPDATE users SET role = @role, password_hash = @PasswordHash, disabled = @Disabled WHERE id = @Id",
            new { role = (int)user.Role, user.PasswordHash, user.Disabled, user.Id });
    }

    public async Task<bool> DeleteAsync(long id, TenantScope scope, CancellationToken ct)
    {
        var p = new DynamicParameters(new { id });
        var where = TenantFilter.Sql(scope, p);
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync($"DELETE FROM users WHERE id = @id{where}", p) > 0;
    }

    private sealed class Row
    {
        public long Id { get; set; }
        public string Username { get; set; } = "";
        public long Role { get; set; }
        public long? TenantId { get; set; }
        public string PasswordHash { get; set; } = "";
        public bool Disabled { get; set; }
        public long CreatedAt { get; set; }

        public User ToUser() => new(Id, Username, (Role)Role, TenantId, PasswordHash, Disabled, Time.FromDb(CreatedAt));
    }
}
