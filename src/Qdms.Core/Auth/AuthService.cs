using Microsoft.Extensions.Options;
using Qdms.Core.Errors;
using Qdms.Core.Security;
using Qdms.Core.Users;

namespace Qdms.Core.Auth;

/// <summary>Signs users in and resolves bearer tokens to callers.</summary>
public sealed class AuthService(IUserStore users, ITokenStore tokens, PasswordVerifier passwords, IOptions<AuthOptions> options, TimeProvider time)
{
    public const string TokenPrefix = "qdms_";

    /// <summary>Checks the password and issues a session token. The same error for an unknown user and a wrong password.</summary>
    public async Task<(string Token, ApiToken Record, User User)> LoginAsync(string username, string password, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(username.Trim(), ct);
        var matches = await passwords.VerifyAsync(password, user?.PasswordHash, ct); // an unknown name costs the same
        if (user is null || user.Disabled || !matches)
        {
            throw new AuthenticationException("Wrong user name or password.");
        }

        var now = time.GetUtcNow();
        var secret = SecretToken.New(TokenPrefix);
        var record = await tokens.CreateAsync(user.Id, "login", TokenKind.Session, SecretToken.HashOf(secret), now, now + options.Value.SessionLifetime, ct);
        return (secret, record, user);
    }

    /// <summary>Resolves a bearer token, or says precisely why it cannot be used.</summary>
    public async Task<TokenCheck> AuthenticateAsync(string token, CancellationToken ct)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return TokenCheck.Fail("The bearer token is not a QDMS token.");
        }

        var record = await tokens.FindByHashAsync(SecretToken.HashOf(token), ct);
        if (record is null)
        {
            return TokenCheck.Fail("The bearer token is unknown or was revoked.");
        }

        var now = time.GetUtcNow();
        if (record.ExpiresAt is { } expires && expires <= now)
        {
            return TokenCheck.Fail($"The bearer token expired at {expires:u}.");
        }

        var user = await users.FindByIdAsync(record.UserId, ct);
        if (user is null || user.Disabled)
        {
            return TokenCheck.Fail("The token's user is disabled or deleted.");
        }

        return TokenCheck.Ok(new Caller(user.Id, user.Username, user.Role, user.TenantId), record);
    }

    /// <summary>Revokes the token the caller is using (sign out).</summary>
    public Task LogoutAsync(Caller caller, long tokenId, CancellationToken ct) => tokens.DeleteAsync(tokenId, caller.UserId, ct);
}

/// <summary>The outcome of resolving a bearer token.</summary>
public sealed record TokenCheck(Caller? Caller, ApiToken? Token, string? Failure)
{
    public static TokenCheck Ok(Caller caller, ApiToken token) => new(caller, token, null);

    public static TokenCheck Fail(string why) => new(null, null, why);
}
