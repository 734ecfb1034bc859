using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Qdms.Engines.Tr069.Auth;

/// <summary>
/// Stateless Digest nonces (RFC 7616 §3.3): base64url of issued-at (8 bytes, Unix ms) ‖ 8 random bytes ‖ the first 16 bytes of
/// HMAC-SHA256 over both under a key made when the engine starts. The ACS keeps nothing per nonce; a nonce of another engine or an
/// earlier run does not verify, and one older than the lifetime is stale (the CPE is challenged again with <c>stale=true</c>).
/// </summary>
internal sealed class DigestNonces(TimeProvider time, TimeSpan lifetime)
{
    private const int StampBytes = 8;
    private const int RandomBytes = 8;
    private const int MacBytes = 16;
    private const int NonceBytes = StampBytes + RandomBytes + MacBytes;

    /// <summary>How far a nonce's issued-at may lie in the future (clock steps) before it is refused.</summary>
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(5);

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public TimeSpan Lifetime => lifetime;

    public string Issue()
    {
        Span<byte> nonce = stackalloc byte[NonceBytes];
        BinaryPrimitives.WriteInt64BigEndian(nonce, time.GetUtcNow().ToUnixTimeMilliseconds());
        RandomNumberGenerator.Fill(nonce.Slice(StampBytes, RandomBytes));
        Mac(nonce[..(StampBytes + RandomBytes)], nonce[(StampBytes + RandomBytes)..]);
        return Base64Url(nonce);
    }

    /// <summary>Whether <paramref name="nonce"/> is one of ours and, when it is, whether it is still fresh.</summary>
    public DigestNonceCheck Check(string nonce)
    {
        Span<byte> bytes = stackalloc byte[NonceBytes + 3];
        if (nonce.Length != 43 || !TryFromBase64Url(nonce, bytes, out var written) || written != NonceBytes)
        {
            return DigestNonceCheck.Invalid;
        }

        Span<byte> mac = stackalloc byte[MacBytes];
        Mac(bytes[..(StampBytes + RandomBytes)], mac);
        if (!CryptographicOperations.FixedTimeEquals(mac, bytes.Slice(StampBytes + RandomBytes, MacBytes)))
        {
            return DigestNonceCheck.Invalid;
        }

        var issued = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(bytes));
        var now = time.GetUtcNow();
        if (issued > now + Skew)
        {
            return DigestNonceCheck.Invalid;
        }

        return now - issued > lifetime ? DigestNonceCheck.Stale : DigestNonceCheck.Fresh;
    }

    private void Mac(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        Span<byte> full = stackalloc byte[32];
        HMACSHA256.HashData(_key, data, full);
        full[..MacBytes].CopyTo(destination);
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryFromBase64Url(string text, Span<byte> destination, out int written)
    {
        var padded = text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (text.Length % 4)) % 4);
        return Convert.TryFromBase64String(padded, destination, out written);
    }
}
