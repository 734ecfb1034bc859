namespace Qdms.Core.Users;

/// <summary>Whether a token came from a sign-in (short-lived) or was made for a script.</summary>
public enum TokenKind
{
    Session = 0,
    Api = 1,
}

/// <summary>A bearer token's stored record. The secret itself is never stored, only its SHA-256.</summary>
public sealed record ApiToken(
    long Id,
    long UserId,
    string Name,
    TokenKind Kind,
    string TokenHash,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt);
