using System.Security.Cryptography;
using System.Text;

namespace Qdms.Core.CpeAuth;

/// <summary>
/// How a CPE password is kept for Digest: sealed with <see cref="Security.SecretBox"/> under <see cref="Purpose"/>, next to the
/// fingerprint of the PBKDF2 hash set at the same time. When the device's credentials are later changed through the device route
/// (which stores only a hash), the fingerprints differ and the sealed password is no longer used.
/// </summary>
public static class CpeSecrets
{
    /// <summary>The <see cref="Security.SecretBox"/> purpose of a sealed CPE password.</summary>
    public const string Purpose = "tr069.cpe-password";

    /// <summary>The first 16 bytes of SHA-256 over the stored hash, base64.</summary>
    public static string Fingerprint(string passwordHash) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(passwordHash)).AsSpan(0, 16));

    /// <summary>True when the sealed password belongs to the device's current credentials.</summary>
    public static bool IsCurrent(string? sealedPassword, string? fingerprint, string? passwordHash) =>
        sealedPassword is not null && fingerprint is not null && passwordHash is not null && fingerprint == Fingerprint(passwordHash);
}
