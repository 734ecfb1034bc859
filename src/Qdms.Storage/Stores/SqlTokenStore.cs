using Dapper;
using Qdms.Core.Users;

namespace Qdms.Storage.Stores;

internal sealed class SqlTokenStore(QdmsDb db) : ITokenStore
{
    private const string Columns =
        "id AS Id, user_id AS UserId, name AS Name, kind AS Kind, token_hash AS TokenHash, created_at AS CreatedAt, expires_at AS ExpiresAt, last_used_at AS LastUsedAt";

    public async Task<ApiToken> CreateAsync(long userId, string name, TokenKind kind, string tokenHash, DateTimeOffset now, DateTimeOffset? expiresAt, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var id = await c.ExecuteScalarAsync<long>(
            """
            INSERT INTO api_tokens (user_id, name, kind, token_hash, created_at, expires_at)
            VALUES (@userId, @name, @kind, @tokenHash, @createdAt, @expiresAt) RETURNING id
            """,
            new { userId, name, kind = (int)kind, tokenHash, createdAt = Time.ToDb(now), expiresAt = Time.ToDb(expiresAt) });
        return new ApiToken(id, userId, name, kind, tokenHash, Time.FromDb(Time.ToDb(now)), Time.FromDb(Time.ToDb(expiresAt)), null);
    }

    public async Task<ApiToken?> FindByHashAsync(string tokenHash, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM api_tokens WHERE token_hash = @tokenHash", new { tokenHash }))?.ToToken();
    }

    public async Task<IReadOnlyList<ApiToken>> ListForUserAsync(long userId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<Row>($"SELECT {Columns} FROM api_tokens WHERE user_id = @userId ORDER BY id", new { userId }))
            .Select(r => r.ToToken()).ToList();
    }

    public async Task<bool> DeleteAsync(long id, long userId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync("DELETE FROM api_tokens WHERE id = @id AND user_id = @userId", new { id, userId }) > 0;
    }

    public async Task DeleteAllForUserAsync(long userId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync("DELETE FROM api_tokens WHERE user_id = @userId", new { userId });
    }

    public async Task TouchAsync(long id, DateTimeOffset when, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync("UPDATE api_tokens SET last_used_at = @at WHERE id = @id", new { id, at = Time.ToDb(when) });
    }

    public async Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync("DELETE FROM api_tokens WHERE expires_at IS NOT NULL AND expires_at <= @now", new { now = Time.ToDb(now) });
    }

    private sealed class Row
    {
        public long Id { get; set; }
        public long UserId { get; set; }
        public string Name { get; set; } = "";
        public long Kind { get; set; }
        public string TokenHash { get; set; } = "";
        public long CreatedAt { get; set; }
        public long? ExpiresAt { get; set; }
        public long? LastUsedAt { get; set; }

        public ApiToken ToToken() =>
            new(Id, UserId, Name, (TokenKind)Kind, TokenHash, Time.FromDb(CreatedAt), Time.FromDb(ExpiresAt), Time.FromDb(LastUsedAt));
    }
}
