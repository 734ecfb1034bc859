namespace Qdms.Core.CpeAuth;

/// <summary>
/// A device's CPE authentication as people see it: its mode override (null: its tenant's), its user name, and whether the ACS can
/// check Digest for it (<see cref="DigestReady"/>: a password was set through the CPE authentication route and is still current).
/// Never the password.
/// </summary>
public sealed record CpeAuthView(long DeviceId, long TenantId, CpeAuthMode? Mode, string? Username, bool DigestReady, DateTimeOffset? UpdatedAt);
