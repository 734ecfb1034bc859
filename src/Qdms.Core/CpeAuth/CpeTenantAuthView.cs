namespace Qdms.Core.CpeAuth;

/// <summary>A tenant's CPE authentication mode; null: each engine's <c>cpeAuth</c> decides.</summary>
public sealed record CpeTenantAuthView(long TenantId, CpeAuthMode? Mode);
