namespace Qdms.Core.CpeAuth;

/// <summary>
/// A known CPE as the ACS needs it when the CPE opens a session, read in one query by its identity: the device, its tenant, the
/// modes that apply to it, and its credentials (user name, PBKDF2 hash, sealed password and fingerprint; null when it has none).
/// </summary>
public sealed record CpeAdmission(
    long DeviceId,
    long TenantId,
    CpeAuthMode? DeviceMode,
    CpeAuthMode? TenantMode,
    string? Username,
    string? PasswordHash,
    string? SealedPassword,
    string? HashFingerprint)
{
    /// <summary>The device's credentials as a <see cref="CpeLogin"/>, or null when it has none.</summary>
    public CpeLogin? Login => PasswordHash is null ? null : new CpeLogin(DeviceId, TenantId, PasswordHash, SealedPassword, HashFingerprint, DeviceMode, TenantMode);
}
