namespace Qdms.Core.Users;

public interface ITokenStore
{
    Task<ApiToken> CreateAsync(long userId, string name, TokenKind kind, string tokenHash, DateTimeOffset now, DateTimeOffset? expiresAt, CancellationToken ct);

    Task<ApiToken?> FindByHashAsync(string tokenHash, CancellationToken ct);

    Task<IReadOnlyList<ApiToken>> ListForUserAsync(long userId, CancellationToken ct);

    Task<bool> DeleteAsync(long id, long userId, CancellationToken ct);

    Task DeleteAllForUserAsync(long userId, CancellationToken ct);

    Task TouchAsync(long id, DateTimeOffset when, CancellationToken ct);

    /// <summary>Deletes tokens whose expiry has passed; returns how many.</summary>
    Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken ct);
}
