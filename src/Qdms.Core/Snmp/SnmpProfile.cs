namespace Qdms.Core.Snmp;

/// <summary>
/// A polling profile: scalars and tables read from a device every <see cref="IntervalSeconds"/>. Built-in profiles have no
/// tenant and cannot be changed; a tenant's own profiles are named uniquely within the tenant.
/// </summary>
/// <param name="Derive">A built-in computation over the polled rows (<c>host-resources</c>: CPU load, memory and storage used).</param>
public sealed record SnmpProfile(
    long? TenantId,
    string Name,
    string? Description,
    int IntervalSeconds,
    IReadOnlyList<SnmpObject> Scalars,
    IReadOnlyList<SnmpTableSpec> Tables,
    bool BuiltIn = false,
    string? Derive = null);
