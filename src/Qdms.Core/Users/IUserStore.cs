using Qdms.Core.Security;

namespace Qdms.Core.Users;

public interface IUserStore
{
    Task<long> CountAsync(CancellationToken ct);

    Task<IReadOnlyList<User>> ListAsync(TenantScope scope, CancellationToken ct);

    Task<User?> GetAsync(long id, TenantScope scope, CancellationToken ct);

    /// <summary>Finds a user by id across all tenants (for token resolution only).</summary>
    Task<User?> FindByIdAsync(long id, CancellationToken ct);

    /// <summary>Finds a user by name across all tenants (names are unique system-wide).</summary>
    Task<User?> FindByNameAsync(string username, CancellationToken ct);

    /// <summary>Inserts; a duplicate user name is a <see cref="Errors.ConflictException"/>.</summary>
    Task<User> CreateAsync(string username, Role role, long? tenantId, string passwordHash, DateTimeOffset now, CancellationToken ct);

    Task UpdateAsync(User user, CancellationToken ct);

    Task<bool> DeleteAsync(long id, TenantScope scope, CancellationToken ct);
}
