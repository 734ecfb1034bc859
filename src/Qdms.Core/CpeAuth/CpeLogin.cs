namespace Qdms.Core.CpeAuth;

/// <summary>
/// What the ACS knows of a CPE user name: its device and tenant, the device's PBKDF2 credential hash, and — when the password was
/// set through the CPE authentication route — the password sealed for Digest with the fingerprint of the hash it was set with.
/// </summary>
/// <param name="DeviceMode">The device's own mode, or null to follow its tenant.</param>
/// <param name="TenantMode">The tenant's mode, or null to follow the engine's config.</param>
public sealed record CpeLogin(
    long DeviceId, long TenantId, string PasswordHash, string? SealedPassword, string? HashFingerprint, CpeAuthMode? DeviceMode, CpeAuthMode? TenantMode);
