using Qdms.Core.Security;
using Qdms.Core.Tenants;
using Qdms.Core.Users;

namespace Qdms.Core.Auth;

/// <summary>
/// First start on an empty database: makes the default tenant and a sysop <c>admin</c>.
/// The password comes from the caller (the host reads <c>QDMS_ADMIN_PASSWORD</c> or generates one).
/// </summary>
public sealed class Bootstrap(IUserStore users, ITenantStore tenants, TimeProvider time)
{
    public const string AdminUsername = "admin";

    /// <summary>The default tenant's id (created when missing).</summary>
    public async Task<long> EnsureDefaultTenantAsync(CancellationToken ct)
    {
        var tenant = await tenants.FindByNameAsync(TenantService.DefaultTenantName, ct)
            ?? await tenants.CreateAsync(TenantService.DefaultTenantName, "Default tenant", time.GetUtcNow(), ct);
        return tenant.Id;
    }

    /// <summary>Creates the sysop <c>admin</c> when no user exists yet. Returns true when it did.</summary>
    public async Task<bool> EnsureAdminAsync(Func<string> password, int iterations, CancellationToken ct)
    {
        if (await users.CountAsync(ct) > 0)
        {
            return false;
        }

        await users.CreateAsync(AdminUsername, Role.Sysop, null, PasswordHasher.Hash(password(), iterations), time.GetUtcNow(), ct);
        return true;
    }
}
