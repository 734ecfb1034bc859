using System.Security.Cryptography;

namespace Qdms.Protocols.Snmp.Security;

/// <summary>
/// The USM authentication protocols: an HMAC over the whole message with msgAuthenticationParameters zero-filled,
/// truncated (RFC 3414 §6.3, §7.3: 12 octets for MD5 and SHA-1; RFC 7860 §4.2.1: 16/24/32/48 for SHA-224/256/384/512).
/// </summary>
internal static class UsmAuthentication
{
    /// <summary>The length of msgAuthenticationParameters.</summary>
    public static int MacLength(SnmpAuthProtocol protocol) => protocol switch
    {
        SnmpAuthProtocol.Md5 or SnmpAuthProtocol.Sha1 => 12,
        SnmpAuthProtocol.Sha224 => 16,
        SnmpAuthProtocol.Sha256 => 24,
        SnmpAuthProtocol.Sha384 => 32,
        SnmpAuthProtocol.Sha512 => 48,
        _ => 0,
    };

    /// <summary>The hash's output length, which is also the localized key's length.</summary>
    public static int DigestLength(SnmpAuthProtocol protocol) => protocol switch
    {
        SnmpAuthProtocol.Md5 => 16,
        SnmpAuthProtocol.Sha1 => 20,
        SnmpAuthProtocol.Sha224 => 28,
        SnmpAuthProtocol.Sha256 => 32,
        SnmpAuthProtocol.Sha384 => 48,
        SnmpAuthProtocol.Sha512 => 64,
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "no hash for this protocol"),
    };

    /// <summary>The hash of <paramref name="data"/>.</summary>
    public static byte[] Hash(SnmpAuthProtocol protocol, ReadOnlySpan<byte> data) => protocol switch
    {
#pragma warning disable CA5351, CA5350 // MD5 and SHA-1 are what RFC 3414 specifies; peers use them
        SnmpAuthProtocol.Md5 => MD5.HashData(data),
        SnmpAuthProtocol.Sha1 => SHA1.HashData(data),
#pragma warning restore CA5351, CA5350
        SnmpAuthProtocol.Sha224 => Sha224.HashData(data),
        SnmpAuthProtocol.Sha256 => SHA256.HashData(data),
        SnmpAuthProtocol.Sha384 => SHA384.HashData(data),
        SnmpAuthProtocol.Sha512 => SHA512.HashData(data),
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "no hash for this protocol"),
    };

    /// <summary>An incremental hash of the protocol (for the 1 MB password expansion).</summary>
    public static IUsmHash CreateHash(SnmpAuthProtocol protocol) => protocol == SnmpAuthProtocol.Sha224
        ? new Sha224()
        : new IncrementalUsmHash(IncrementalHash.CreateHash(protocol switch
        {
            SnmpAuthProtocol.Md5 => HashAlgorithmName.MD5,
            SnmpAuthProtocol.Sha1 => HashAlgorithmName.SHA1,
            SnmpAuthProtocol.Sha256 => HashAlgorithmName.SHA256,
            SnmpAuthProtocol.Sha384 => HashAlgorithmName.SHA384,
            SnmpAuthProtocol.Sha512 => HashAlgorithmName.SHA512,
            _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "no hash for this protocol"),
        }));

    /// <summary>The truncated HMAC of <paramref name="message"/> (whose authentication parameters are zeros).</summary>
    public static void ComputeMac(SnmpAuthProtocol protocol, ReadOnlySpan<byte> key, ReadOnlySpan<byte> message, Span<byte> mac)
    {
        Span<byte> full = stackalloc byte[64];
        var written = protocol switch
        {
#pragma warning disable CA5351, CA5350
            SnmpAuthProtocol.Md5 => HMACMD5.HashData(key, message, full),
            SnmpAuthProtocol.Sha1 => HMACSHA1.HashData(key, message, full),
#pragma warning restore CA5351, CA5350
            SnmpAuthProtocol.Sha224 => Sha224.Hmac(key, message, full),
            SnmpAuthProtocol.Sha256 => HMACSHA256.HashData(key, message, full),
            SnmpAuthProtocol.Sha384 => HMACSHA384.HashData(key, message, full),
            SnmpAuthProtocol.Sha512 => HMACSHA512.HashData(key, message, full),
            _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "no MAC for this protocol"),
        };
        full[..mac.Length].CopyTo(mac);
        _ = written;
    }

    /// <summary>Writes the MAC of <paramref name="message"/> at <paramref name="macOffset"/> (where zeros stand).</summary>
    public static void Sign(SnmpAuthProtocol protocol, ReadOnlySpan<byte> key, byte[] message, int macOffset) =>
        ComputeMac(protocol, key, message, message.AsSpan(macOffset, MacLength(protocol)));

    /// <summary>Checks the MAC found at <paramref name="macOffset"/> (RFC 3414 §6.3.2, §7.3.2) in constant time.</summary>
    public static bool Verify(SnmpAuthProtocol protocol, ReadOnlySpan<byte> key, ReadOnlySpan<byte> message, int macOffset, int macLength)
    {
        var length = MacLength(protocol);
        if (macLength != length || macOffset + length > message.Length)
            return false;
        var copy = message.ToArray();
        var received = message.Slice(macOffset, length);
        copy.AsSpan(macOffset, length).Clear();
        Span<byte> expected = stackalloc byte[length];
        ComputeMac(protocol, key, copy, expected);
        return CryptographicOperations.FixedTimeEquals(expected, received);
    }
}
