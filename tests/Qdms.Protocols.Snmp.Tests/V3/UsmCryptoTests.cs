using System.Text;
using Qdms.Protocols.Snmp.Security;

namespace Qdms.Protocols.Snmp.Tests.V3;

/// <summary>The USM primitives against published vectors.</summary>
public sealed class UsmCryptoTests
{
    private static readonly byte[] Rfc3414EngineId = Convert.FromHexString("000000000000000000000002");

    [Theory]
    // RFC 3414 §A.3.1 (MD5) and §A.3.2 (SHA-1): password "maplesyrup", engine 00…02.
    [InlineData(SnmpAuthProtocol.Md5, "9faf3283884e92834ebc9847d8edd963", "526f5eed9fcce26f8964c2930787d82b")]
    [InlineData(SnmpAuthProtocol.Sha1, "9fb5cc0381497b3793528939ff788d5d79145211", "6695febc9288e36282235fc7151f128497b38f3f")]
    public void Password_to_key_and_localisation_match_RFC_3414_A_3(SnmpAuthProtocol auth, string ku, string kul)
    {
        var master = UsmKeys.PasswordToKey(auth, "maplesyrup");
        Assert.Equal(ku, Convert.ToHexStringLower(master));
        Assert.Equal(kul, Convert.ToHexStringLower(UsmKeys.Localize(auth, master, Rfc3414EngineId)));
    }

    [Fact]
    public void Password_to_key_is_cached()
    {
        var first = UsmKeys.PasswordToKey(SnmpAuthProtocol.Sha512, "a-cached-password");
        Assert.Same(first, UsmKeys.PasswordToKey(SnmpAuthProtocol.Sha512, "a-cached-password"));
        Assert.NotSame(first, UsmKeys.PasswordToKey(SnmpAuthProtocol.Sha384, "a-cached-password"));
    }

    [Theory]
    // FIPS 180-4 examples (NIST CSRC "SHA224.pdf"): "abc" and the two-block message.
    [InlineData("abc", "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525")]
    [InlineData("", "d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f")]
    public void Sha224_matches_FIPS_180_4(string text, string digest) =>
        Assert.Equal(digest, Convert.ToHexStringLower(Sha224.HashData(Encoding.ASCII.GetBytes(text))));

    [Fact]
    public void Sha224_of_a_million_a_matches_the_long_vector()
    {
        using var hash = new Sha224();
        var chunk = Encoding.ASCII.GetBytes(new string('a', 1000));
        var left = 1_000_000;
        for (var i = 0; left > 0; i++)
        {
            var piece = Math.Min(left, 1 + (i % 7) * 100); // uneven pieces cross block boundaries
            hash.Append(chunk.AsSpan(0, piece));
            left -= piece;
        }
        Assert.Equal("20794655980c91d8bbb4c1ea97618a4bf03f42581948b2ee4ee7ad67", Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    [Theory]
    // RFC 4231 §4.2 and §4.3 (test cases 1 and 2), HMAC-SHA-224.
    [InlineData("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "4869205468657265", "896fb1128abbdf196832107cd49df33f47b4b1169912ba4f53684b22")]
    [InlineData("4a656665", "7768617420646f2079612077616e7420666f72206e6f7468696e673f", "a30e01098bc6dbbf45690f3a7e9e6d0f8bbea2a39e6148008fd05e44")]
    public void Hmac_sha224_matches_RFC_4231(string key, string data, string mac)
    {
        var output = new byte[28];
        Sha224.Hmac(Convert.FromHexString(key), Convert.FromHexString(data), output);
        Assert.Equal(mac, Convert.ToHexStringLower(output));
    }

    [Theory]
    [InlineData(SnmpAuthProtocol.Md5, 12)]
    [InlineData(SnmpAuthProtocol.Sha1, 12)]
    [InlineData(SnmpAuthProtocol.Sha224, 16)]
    [InlineData(SnmpAuthProtocol.Sha256, 24)]
    [InlineData(SnmpAuthProtocol.Sha384, 32)]
    [InlineData(SnmpAuthProtocol.Sha512, 48)]
    public void Mac_lengths_follow_RFC_3414_and_RFC_7860(SnmpAuthProtocol auth, int length) => Assert.Equal(length, UsmAuthentication.MacLength(auth));

    [Fact]
    public void Des_cbc_decrypts_the_classic_FIPS_46_example()
    {
        // Key 133457799BBCDFF1, plaintext 0123456789ABCDEF, ciphertext 85E813540F0AB405; pre-IV and salt zero so the IV is zero.
        var key = Convert.FromHexString("133457799BBCDFF10000000000000000");
        Assert.True(UsmPrivacy.TryDecrypt(SnmpPrivProtocol.Des, key, 0, 0, new byte[8], Convert.FromHexString("85E813540F0AB405"), out var plain));
        Assert.Equal("0123456789ABCDEF", Convert.ToHexString(plain));
        Assert.False(UsmPrivacy.TryDecrypt(SnmpPrivProtocol.Des, key, 0, 0, new byte[8], new byte[7], out _)); // not a whole block
    }

    [Fact]
    public void Aes_cfb128_matches_NIST_SP_800_38A_F_3_13_including_a_partial_block()
    {
        // IV 000102…0f = engineBoots 00010203 || engineTime 04050607 || salt 08090a0b0c0d0e0f (RFC 3826 §3.1.2.1).
        var key = Convert.FromHexString("2b7e151628aed2a6abf7158809cf4f3c");
        var cipher = Convert.FromHexString("3b3fd92eb72dad20333449f8e83cfb4a" + "c8a64537a0b3a93fcde3cdad9f1ce58b");
        var salt = Convert.FromHexString("08090a0b0c0d0e0f");
        Assert.True(UsmPrivacy.TryDecrypt(SnmpPrivProtocol.Aes128, key, 0x00010203, 0x04050607, salt, cipher.AsSpan(0, 21), out var plain));
        Assert.Equal("6bc1bee22e409f96e93d7e117393172aae2d8a571e", Convert.ToHexStringLower(plain));
    }

    [Fact]
    public void Aes_256_keys_from_a_short_hash_are_extended_as_net_snmp_does()
    {
        // draft-blumenthal-aes-usm-04 §3.1.2.1 (net-snmp's AES-256 without the Reeder "C" variant): Kul || H(Kul).
        var user = new UsmUser("u", SnmpAuthProtocol.Md5, "authpass-u", SnmpPrivProtocol.Aes256, "privpass-u");
        var kul = UsmKeys.Localize(SnmpAuthProtocol.Md5, UsmKeys.PasswordToKey(SnmpAuthProtocol.Md5, "privpass-u"), Rfc3414EngineId);
        var expected = kul.Concat(System.Security.Cryptography.MD5.HashData(kul)).ToArray();
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(UsmKeys.PrivKey(user, Rfc3414EngineId)));
    }

    [Fact]
    public void Encrypt_then_decrypt_round_trips_for_every_cipher()
    {
        var plaintext = Enumerable.Range(0, 77).Select(i => (byte)i).ToArray();
        foreach (var priv in new[] { SnmpPrivProtocol.Des, SnmpPrivProtocol.Aes128, SnmpPrivProtocol.Aes192, SnmpPrivProtocol.Aes256 })
        {
            var key = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();
            var salt = new byte[8];
            var cipher = UsmPrivacy.Encrypt(priv, key, 5, 600, plaintext, salt);
            Assert.True(UsmPrivacy.TryDecrypt(priv, key, 5, 600, salt, cipher, out var back));
            Assert.Equal(plaintext, back.AsSpan(0, plaintext.Length).ToArray());
            Assert.NotEqual(plaintext, cipher.AsSpan(0, plaintext.Length).ToArray());
        }
    }
}
