using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Qdms.Tools.CpeSim;

/// <summary>
/// The CPE side of connection request authentication: the challenges a CPE sends and the check of the ACS's answer
/// (Digest per RFC 7616 with qop auth, MD5 or SHA-256; Basic as a quirk). Nonces are stateless: a timestamp and its HMAC under
/// a per-listener key, valid for <see cref="NonceLifetime"/>.
/// </summary>
internal sealed class ConnectionRequestAuthenticator
{
    public const string Realm = "QDMS simulated CPE";
    public static readonly TimeSpan NonceLifetime = TimeSpan.FromMinutes(5);

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    /// <summary>The WWW-Authenticate values of a 401 in <paramref name="mode"/>.</summary>
    public IReadOnlyList<string> Challenges(CpeConnectionRequestAuth mode)
    {
        var nonce = Nonce();
        return mode switch
        {
            CpeConnectionRequestAuth.Basic => [$"Basic realm=\"{Realm}\""],
            CpeConnectionRequestAuth.DigestSha256 =>
            [
                $"Digest realm=\"{Realm}\", qop=\"auth\", algorithm=SHA-256, nonce=\"{nonce}\", opaque=\"sim\"",
                $"Digest realm=\"{Realm}\", qop=\"auth\", algorithm=MD5, nonce=\"{nonce}\", opaque=\"sim\"",
            ],
            _ => [$"Digest realm=\"{Realm}\", qop=\"auth\", algorithm=MD5, nonce=\"{nonce}\", opaque=\"sim\""],
        };
    }

    /// <summary>
    /// Checks the Authorization header of a request for <paramref name="target"/> against the CPE's credentials. Returns the
    /// scheme accepted (<c>Digest SHA-256</c>, <c>Digest MD5</c>, <c>Basic</c>) or null when the request must be challenged.
    /// </summary>
    public string? Verify(CpeConnectionRequestAuth mode, string method, string target, string? authorization, string username, string password)
    {
        if (authorization is null)
        {
            return null;
        }

        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? authorization : authorization[..space];
        var rest = space < 0 ? "" : authorization[(space + 1)..].Trim();
        if (mode == CpeConnectionRequestAuth.Basic)
        {
            if (!scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            try
            {
                return FixedEquals(Encoding.UTF8.GetString(Convert.FromBase64String(rest)), $"{username}:{password}") ? "Basic" : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }

        if (!scheme.Equals("Digest", StringComparison.OrdinalIgnoreCase) || Parameters(rest) is not { } p)
        {
            return null;
        }

        var algorithm = p.GetValueOrDefault("algorithm") ?? "MD5";
        Func<byte[], byte[]>? hash = algorithm.ToUpperInvariant() switch
        {
#pragma warning disable CA5351 // MD5 is the Digest algorithm CPEs speak
            "MD5" => MD5.HashData,
#pragma warning restore CA5351
            "SHA-256" when mode == CpeConnectionRequestAuth.DigestSha256 => SHA256.HashData,
            _ => null,
        };
        if (hash is null
            || p.GetValueOrDefault("qop") != "auth"
            || p.GetValueOrDefault("realm") != Realm
            || p.GetValueOrDefault("uri") != target
            || p.GetValueOrDefault("username") != username
            || p.GetValueOrDefault("nonce") is not { } nonce || !NonceIsFresh(nonce)
            || p.GetValueOrDefault("nc") is not { } nc || p.GetValueOrDefault("cnonce") is not { } cnonce
            || p.GetValueOrDefault("response") is not { } response)
        {
            return null;
        }

        string H(string text) => Convert.ToHexStringLower(hash(Encoding.UTF8.GetBytes(text)));
        var expected = H($"{H($"{username}:{Realm}:{password}")}:{nonce}:{nc}:{cnonce}:auth:{H($"{method}:{target}")}");
        return FixedEquals(expected, response.ToLowerInvariant()) ? $"Digest {algorithm.ToUpperInvariant()}" : null;
    }

    private string Nonce()
    {
        Span<byte> stamp = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(stamp, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        return Convert.ToHexStringLower(stamp) + Convert.ToHexStringLower(HMACSHA256.HashData(_key, stamp)[..12]);
    }

    private bool NonceIsFresh(string nonce)
    {
        if (nonce.Length != 40)
        {
            return false;
        }

        try
        {
            var stamp = Convert.FromHexString(nonce.AsSpan(0, 16));
            var mac = Convert.FromHexString(nonce.AsSpan(16));
            var age = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - BinaryPrimitives.ReadInt64BigEndian(stamp);
            return CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(_key, stamp)[..12]) && age >= 0 && age < NonceLifetime.TotalMilliseconds;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool FixedEquals(string a, string b) => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    /// <summary><c>name=value</c> or <c>name="quoted"</c> pairs, comma separated; null when malformed.</summary>
    private static Dictionary<string, string>? Parameters(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] is ' ' or ',')
            {
                i++;
                continue;
            }

            var eq = text.IndexOf('=', i);
            if (eq < 0)
            {
                return null;
            }

            var name = text[i..eq].Trim();
            i = eq + 1;
            var value = new StringBuilder();
            if (i < text.Length && text[i] == '"')
            {
                for (i++; i < text.Length && text[i] != '"'; i++)
                {
                    value.Append(text[i] == '\\' && i + 1 < text.Length ? text[++i] : text[i]);
                }

                if (i >= text.Length)
                {
                    return null;
                }

                i++;
            }
            else
            {
                for (; i < text.Length && text[i] != ','; i++)
                {
                    value.Append(text[i]);
                }
            }

            result[name] = value.ToString().Trim();
        }

        return result.Count == 0 ? null : result;
    }

}
