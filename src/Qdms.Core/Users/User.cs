using Qdms.Core.Security;

namespace Qdms.Core.Users;

/// <summary>A person or script that signs in. <see cref="TenantId"/> is null only for sysops.</summary>
public sealed record User(
    long Id,
    string Username,
    Role Role,
    long? TenantId,
    string PasswordHash,
    bool Disabled,
    DateTimeOffset CreatedAt);
