using System.Security.Cryptography;
using System.Text;

namespace Qdms.Engines.Tr069.ConnectionRequests;

/// <summary>A Digest hash algorithm (RFC 7616 §3.2): MD5 or SHA-256, each with its <c>-sess</c> variant. Higher <see cref="Preference"/> is chosen first.</summary>
internal sealed record DigestAlgorithm(string Name, bool Session, int Preference, Func<byte[], byte[]> Hash)
{
    // MD5 is what RFC 2617 CPEs speak; it protects no stored secret here, only the challenge-response of one request.
#pragma warning disable CA5351
    private static readonly DigestAlgorithm[] Known =
    [
        new("SHA-256", false, 4, SHA256.HashData),
        new("SHA-256-sess", true, 3, SHA256.HashData),
        new("MD5", false, 2, MD5.HashData),
        new("MD5-sess", true, 1, MD5.HashData),
    ];
#pragma warning restore CA5351

    /// <summary>The algorithm a challenge names (absent means MD5, RFC 7616 §3.3); null when not supported.</summary>
    public static DigestAlgorithm? Find(string? name) =>
        Known.FirstOrDefault(a => string.Equals(a.Name, string.IsNullOrEmpty(name) ? "MD5" : name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The lower-case hex digest of <paramref name="text"/> (UTF-8).</summary>
    public string Hex(string text) => Convert.ToHexStringLower(Hash(Encoding.UTF8.GetBytes(text)));
}
