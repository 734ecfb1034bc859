namespace Qdms.Contracts;

/// <summary>
/// A device's TR-069 CPE authentication: its <see cref="Mode"/> (none, basic, digest, or inherit: its tenant's, else the engine's),
/// its user name, and whether the ACS can check Digest for it (a password set through this route, still current). Never the password.
/// </summary>
public sealed record CpeAuthDto(long DeviceId, long TenantId, string Mode, string? Username, bool DigestReady, DateTimeOffset? UpdatedAt);

/// <summary>
/// Changes a device's CPE authentication: <see cref="Mode"/> none, basic, digest or inherit (null: unchanged); <see cref="Credentials"/>
/// sets the user name and password the CPE signs in with (Basic and Digest; the device's credentials for file downloads too).
/// </summary>
public sealed record CpeAuthRequest(string? Mode = null, DeviceCredentialsDto? Credentials = null);

/// <summary>A tenant's CPE authentication mode: none, basic, digest, or inherit (each engine's <c>cpeAuth</c>).</summary>
public sealed record TenantCpeAuthDto(long TenantId, string Mode);

/// <summary>Sets a tenant's CPE authentication mode: none, basic, digest or inherit.</summary>
public sealed record TenantCpeAuthRequest(string Mode);
