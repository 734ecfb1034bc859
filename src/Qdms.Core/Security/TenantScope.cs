namespace Qdms.Core.Security;

/// <summary>
/// Which tenants' rows a read or write may touch: one tenant, or all of them (a sysop).
/// Every store method that reads tenant-owned rows takes one; the storage layer applies it in one place.
/// </summary>
public readonly record struct TenantScope(long? TenantId)
{
    public static TenantScope All => new(null);

    public static TenantScope Of(long tenantId) => new(tenantId);

    public bool IsAll => TenantId is null;

    /// <summary>True when a row of <paramref name="tenantId"/> is visible in this scope.</summary>
    public bool Allows(long tenantId) => TenantId is null || TenantId == tenantId;
}
