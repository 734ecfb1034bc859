using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Qdms.Protocols.Snmp.Security;

/// <summary>
/// The USM privacy protocols. CBC-DES (RFC 3414 §8.1.1): key = the first 8 octets of the localized key, IV = its
/// last 8 (the pre-IV) XOR the salt, salt = engineBoots || a local counter; the plaintext is padded to 8 octets.
/// AES in CFB-128 mode (RFC 3826 §3.1.2.1): key = the first 16/24/32 octets, IV = engineBoots || engineTime || salt
/// (a 64-bit local counter), no padding. msgPrivacyParameters carries the 8-octet salt in both.
/// </summary>
internal static class UsmPrivacy
{
    /// <summary>The salt length carried in msgPrivacyParameters.</summary>
    public const int SaltLength = 8;

    private static long _salt = Random.Shared.NextInt64();

    /// <summary>How many octets of localized key the cipher uses.</summary>
    public static int KeyMaterialLength(SnmpPrivProtocol priv) => priv switch
    {
        SnmpPrivProtocol.Des => 16,
        SnmpPrivProtocol.Aes128 => 16,
        SnmpPrivProtocol.Aes192 => 24,
        SnmpPrivProtocol.Aes256 => 32,
        _ => throw new ArgumentOutOfRangeException(nameof(priv), priv, "no key for this protocol"),
    };

    /// <summary>Encrypts a scoped PDU; returns the ciphertext and writes the salt to <paramref name="privacyParameters"/>.</summary>
    public static byte[] Encrypt(SnmpPrivProtocol priv, byte[] key, int engineBoots, int engineTime, ReadOnlySpan<byte> plaintext,
        Span<byte> privacyParameters)
    {
        var salt = Interlocked.Increment(ref _salt);
        if (priv == SnmpPrivProtocol.Des)
        {
            BinaryPrimitives.WriteInt32BigEndian(privacyParameters, engineBoots);
            BinaryPrimitives.WriteInt32BigEndian(privacyParameters[4..], (int)salt);
            var padded = new byte[(plaintext.Length + 7) / 8 * 8];
            plaintext.CopyTo(padded);
            using var des = CreateDes(key);
            return des.EncryptCbc(padded, DesIv(key, privacyParameters), PaddingMode.None);
        }
        BinaryPrimitives.WriteInt64BigEndian(privacyParameters, salt);
        using var aes = CreateAes(priv, key);
        return Cfb(aes, AesIv(engineBoots, engineTime, privacyParameters), plaintext, encrypt: true);
    }

    /// <summary>Decrypts; false when the lengths are wrong (RFC 3414 §8.3.2: a decryptionError).</summary>
    public static bool TryDecrypt(SnmpPrivProtocol priv, byte[] key, int engineBoots, int engineTime, ReadOnlySpan<byte> privacyParameters,
        ReadOnlySpan<byte> ciphertext, out byte[] plaintext)
    {
        plaintext = [];
        if (privacyParameters.Length != SaltLength)
            return false;
        if (priv == SnmpPrivProtocol.Des)
        {
            if (ciphertext.Length == 0 || ciphertext.Length % 8 != 0)
                return false;
            using var des = CreateDes(key);
            plaintext = des.DecryptCbc(ciphertext, DesIv(key, privacyParameters), PaddingMode.None);
            return true;
        }
        using var aes = CreateAes(priv, key);
        plaintext = Cfb(aes, AesIv(engineBoots, engineTime, privacyParameters), ciphertext, encrypt: false);
        return true;
    }

    private static byte[] DesIv(byte[] key, ReadOnlySpan<byte> salt)
    {
        var iv = new byte[8];
        for (var i = 0; i < 8; i++)
            iv[i] = (byte)(key[8 + i] ^ salt[i]);
        return iv;
    }

    private static byte[] AesIv(int engineBoots, int engineTime, ReadOnlySpan<byte> salt)
    {
        var iv = new byte[16];
        BinaryPrimitives.WriteInt32BigEndian(iv, engineBoots);
        BinaryPrimitives.WriteInt32BigEndian(iv.AsSpan(4), engineTime);
        salt.CopyTo(iv.AsSpan(8));
        return iv;
    }

    // CFB is a stream mode: pad to whole blocks, run the framework's CFB-128, keep as many octets as came in.
    private static byte[] Cfb(Aes aes, byte[] iv, ReadOnlySpan<byte> input, bool encrypt)
    {
        var padded = new byte[(input.Length + 15) / 16 * 16];
        input.CopyTo(padded);
        var output = encrypt
            ? aes.EncryptCfb(padded, iv, PaddingMode.None, 128)
            : aes.DecryptCfb(padded, iv, PaddingMode.None, 128);
        return output.Length == input.Length ? output : output[..input.Length];
    }

#pragma warning disable CA5351 // single DES is what RFC 3414 §8 specifies; peers use it
    private static DES CreateDes(byte[] key)
    {
        var des = DES.Create();
        des.Key = key[..8];
        return des;
    }
#pragma warning restore CA5351

    private static Aes CreateAes(SnmpPrivProtocol priv, byte[] key)
    {
        var aes = Aes.Create();
        aes.Key = key[..KeyMaterialLength(priv)];
        return aes;
    }
}
