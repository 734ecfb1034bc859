using System.Security.Cryptography;
using System.Text;

namespace Qdms.Core.Security;

/// <summary>
/// Bearer secrets: 32 random bytes, base64url, with a prefix that says what they are
/// (<c>qdms_</c> for API and session tokens, <c>qdl_</c> for download tokens).
/// Only their SHA-256 is stored, so a database dump reveals no usable token.
/// </summary>
public static class SecretToken
{
    public static string New(string prefix)
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        return prefix + Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static string HashOf(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
