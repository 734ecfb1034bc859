namespace Qdms.Core.Security;

/// <summary>The authenticated user on whose behalf a service call runs.</summary>
public sealed record Caller(long UserId, string Username, Role Role, long? TenantId)
{
    /// <summary>The system itself (start-up jobs, engines): all tenants, full rights.</summary>
    public static Caller System { get; } = new(0, "system", Role.Sysop, null);

    public TenantScope Scope => Role == Role.Sysop ? TenantScope.All : TenantScope.Of(TenantId ?? -1);

    public bool IsAtLeast(Role role) => Role >= role;

    /// <summary>Throws <see cref="Errors.ForbiddenException"/> unless the caller holds <paramref name="role"/> or higher.</summary>
    public void Require(Role role)
    {
        if (!IsAtLeast(role))
        {
            throw new Errors.ForbiddenException($"This operation needs the {role.ToName()} role; '{Username}' is {Role.ToName()}.");
        }
    }

    /// <summary>
    /// The tenant a new row of this caller belongs to: its own, or for a sysop the one asked for
    /// (<paramref name="requested"/>) or the default tenant.
    /// </summary>
    public long TenantForNew(long? requested, long defaultTenantId)
    {
        if (Role == Role.Sysop)
        {
            return requested ?? defaultTenantId;
        }

        if (requested is not null && requested != TenantId)
        {
            throw new Errors.ForbiddenException("A user can only create rows in its own tenant.");
        }

        return TenantId ?? throw new Errors.ForbiddenException("This user belongs to no tenant.");
    }
}
