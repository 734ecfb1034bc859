using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Qdms.Engines.Tr069.Auth;

/// <summary>
/// Remembers the outcome of checking a Basic password against a device's PBKDF2 hash, so a CPE that sends the same password every
/// session — right or wrong — costs one PBKDF2 per <see cref="Lifetime"/>, not one per request. The key is an HMAC (under a key made
/// at start) of user name, password and the stored hash: the password is not kept, and changing the credentials (a new hash)
/// makes the old verdicts unreachable. At <see cref="Capacity"/> entries the cache starts over.
/// </summary>
internal sealed class BasicVerdictCache(TimeProvider time)
{
    public const int Capacity = 65_536;

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<UInt128, (bool Matches, long At)> _verdicts = new();

    public bool TryGet(string username, string password, string passwordHash, out bool matches)
    {
        matches = false;
        if (!_verdicts.TryGetValue(Key(username, password, passwordHash), out var verdict) || time.GetElapsedTime(verdict.At) > Lifetime)
        {
            return false;
        }

        matches = verdict.Matches;
        return true;
    }

    public void Add(string username, string password, string passwordHash, bool matches)
    {
        if (_verdicts.Count >= Capacity)
        {
            _verdicts.Clear();
        }

        _verdicts[Key(username, password, passwordHash)] = (matches, time.GetTimestamp());
    }

    private UInt128 Key(string username, string password, string passwordHash)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{username}\0{password}\0{passwordHash}"), mac);
        return new UInt128(BitConverter.ToUInt64(mac), BitConverter.ToUInt64(mac[8..]));
    }
}
