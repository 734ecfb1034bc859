using Qdms.Core.Audit;
using Qdms.Core.Auth;
using Qdms.Core.Errors;
using Qdms.Core.Security;

namespace Qdms.Core.Users;

/// <summary>API tokens for scripts: each user makes, lists and revokes its own.</summary>
public sealed class TokenService(ITokenStore tokens, AuditLog audit, TimeProvider time)
{
    public async Task<(string Secret, ApiToken Token)> CreateAsync(Caller caller, string name, TimeSpan? lifetime, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            throw new ValidationException("name", "name must be 1–100 characters.");
        }

        if (lifetime is { } l && (l < TimeSpan.FromMinutes(1) || l > TimeSpan.FromDays(3650)))
        {
            throw new ValidationException("expiresInDays", "A token's lifetime must be between 1 minute and 3650 days.");
        }

        var now = time.GetUtcNow();
        var secret = SecretToken.New(AuthService.TokenPrefix);
        var token = await tokens.CreateAsync(caller.UserId, name.Trim(), TokenKind.Api, SecretToken.HashOf(secret), now, lifetime is null ? null : now + lifetime, ct);
        await audit.RecordAsync(caller, "token.create", $"token/{token.Id}", caller.TenantId, token.Name, ct);
        return (secret, token);
    }

    public Task<IReadOnlyList<ApiToken>> ListAsync(Caller caller, CancellationToken ct) => tokens.ListForUserAsync(caller.UserId, ct);

    public async Task RevokeAsync(Caller caller, long id, CancellationToken ct)
    {
        if (!await tokens.DeleteAsync(id, caller.UserId, ct))
        {
            throw NotFoundException.For("token", id);
        }

        await audit.RecordAsync(caller, "token.revoke", $"token/{id}", caller.TenantId, null, ct);
    }
}
