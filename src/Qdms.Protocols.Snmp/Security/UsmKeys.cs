using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Qdms.Protocols.Snmp.Security;

/// <summary>
/// Key derivation for USM: password to key (RFC 3414 §A.2: the hash of the password repeated to 1,048,576 octets),
/// localisation to an engine (Kul = H(Ku || engineID || Ku)), and the extension of a localized privacy key beyond the
/// hash length for AES-192/256 as net-snmp 5.9 does it by default (draft-blumenthal-aes-usm-04 §3.1.2.1:
/// Kul = Kul || H(Kul), repeated). Password-to-key costs a megabyte of hashing, so its result is cached (by a hash of
/// the password, never the password itself); localisation is one more hash and is cached per engine too.
/// </summary>
internal static class UsmKeys
{
    private const int ExpandedPasswordLength = 1_048_576;
    private const int MaxCacheEntries = 10_000;

    private static readonly ConcurrentDictionary<string, byte[]> MasterKeys = new();
    private static readonly ConcurrentDictionary<string, byte[]> LocalizedKeys = new();

    /// <summary>Ku (RFC 3414 §A.2.1/A.2.2, RFC 7860 §4.2.2 for SHA-2): hash of the password cycled to 1 MB.</summary>
    public static byte[] PasswordToKey(SnmpAuthProtocol auth, string password)
    {
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        if (passwordBytes.Length == 0)
            throw new ArgumentException("an empty password has no key", nameof(password));
        var key = CacheKey(auth, passwordBytes, []);
        if (MasterKeys.TryGetValue(key, out var cached))
            return cached;
        using var hash = UsmAuthentication.CreateHash(auth);
        var chunk = new byte[64 * 1024]; // 16 chunks make the 1,048,576 octets
        var position = 0;
        for (var done = 0; done < ExpandedPasswordLength; done += chunk.Length)
        {
            for (var i = 0; i < chunk.Length; i++)
                chunk[i] = passwordBytes[position++ % passwordBytes.Length];
            hash.Append(chunk);
        }
        var ku = hash.GetHashAndReset();
        return Remember(MasterKeys, key, ku);
    }

    /// <summary>Kul = H(Ku || engineID || Ku) (RFC 3414 §A.2).</summary>
    public static byte[] Localize(SnmpAuthProtocol auth, ReadOnlySpan<byte> ku, ReadOnlySpan<byte> engineId)
    {
        var buffer = new byte[ku.Length * 2 + engineId.Length];
        ku.CopyTo(buffer);
        engineId.CopyTo(buffer.AsSpan(ku.Length));
        ku.CopyTo(buffer.AsSpan(ku.Length + engineId.Length));
        return UsmAuthentication.Hash(auth, buffer);
    }

    /// <summary>The localized authentication key of <paramref name="user"/> for <paramref name="engineId"/>.</summary>
    public static byte[] AuthKey(UsmUser user, ReadOnlySpan<byte> engineId) => LocalizedKey(user.Auth, user.AuthPassword!, engineId, 0);

    /// <summary>
    /// The localized privacy key for <paramref name="user"/>'s cipher: 16 octets for DES (key and pre-IV, RFC 3414 §8.1.1.1)
    /// and AES-128, 24 for AES-192, 32 for AES-256, extended when the hash is shorter.
    /// </summary>
    public static byte[] PrivKey(UsmUser user, ReadOnlySpan<byte> engineId)
    {
        var needed = UsmPrivacy.KeyMaterialLength(user.Priv);
        var kul = LocalizedKey(user.Auth, user.PrivPassword!, engineId, needed);
        return kul.Length == needed ? kul : kul[..needed];
    }

    private static byte[] LocalizedKey(SnmpAuthProtocol auth, string password, ReadOnlySpan<byte> engineId, int needed)
    {
        var key = CacheKey(auth, Encoding.UTF8.GetBytes(password), engineId) + "/" + needed;
        if (LocalizedKeys.TryGetValue(key, out var cached))
            return cached;
        var kul = Localize(auth, PasswordToKey(auth, password), engineId);
        if (needed > kul.Length)
            kul = ExtendBlumenthal(auth, kul, needed);
        return Remember(LocalizedKeys, key, kul);
    }

    /// <summary>draft-blumenthal-aes-usm-04 §3.1.2.1 as net-snmp implements it: Kul = Kul || H(Kul) until long enough.</summary>
    public static byte[] ExtendBlumenthal(SnmpAuthProtocol auth, byte[] kul, int needed)
    {
        var key = kul;
        while (key.Length < needed)
        {
            var more = UsmAuthentication.Hash(auth, key);
            key = [.. key, .. more.AsSpan(0, Math.Min(more.Length, needed - key.Length))];
        }
        return key;
    }

    private static string CacheKey(SnmpAuthProtocol auth, ReadOnlySpan<byte> password, ReadOnlySpan<byte> engineId) =>
        $"{auth}/{Convert.ToHexString(SHA256.HashData(password))}/{Convert.ToHexString(engineId)}";

    private static byte[] Remember(ConcurrentDictionary<string, byte[]> cache, string key, byte[] value)
    {
        if (cache.Count >= MaxCacheEntries)
            cache.Clear(); // a crude bound: thousands of distinct passwords or engines just recompute
        cache[key] = value;
        return value;
    }
}
