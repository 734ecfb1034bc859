namespace Qdms.Contracts;

public sealed record LoginRequest(string Username, string Password);

public sealed record LoginResponse(string Token, DateTimeOffset? ExpiresAt, UserDto User);

public sealed record UserDto(long Id, string Username, string Role, long? TenantId, bool Disabled, DateTimeOffset CreatedAt);

public sealed record CreateUserRequest(string Username, string Password, string Role, long? TenantId);

public sealed record UpdateUserRequest(string? Role, bool? Disabled);

public sealed record ChangePasswordRequest(string? CurrentPassword, string NewPassword);

public sealed record TenantDto(long Id, string Name, string DisplayName, DateTimeOffset CreatedAt);

public sealed record CreateTenantRequest(string Name, string? DisplayName);

public sealed record TokenDto(long Id, string Name, string Kind, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt);

/// <summary><see cref="ExpiresInDays"/> null means the token never expires.</summary>
public sealed record CreateTokenRequest(string Name, double? ExpiresInDays);

/// <summary>The secret is shown once, here, and never again.</summary>
public sealed record CreatedTokenDto(string Token, TokenDto Info);

public sealed record AuditEntryDto(long Id, DateTimeOffset At, long? UserId, string Username, long? TenantId, string Action, string Target, string? Details);
