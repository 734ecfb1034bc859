using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Qdms.Engines.Tr069.Auth;

/// <summary>
/// Refuses a Digest answer seen before (same nonce, nc and cnonce) while its nonce lives. The nonce count is not required to
/// grow: many CPEs restart nc at 00000001 with each session or reuse a nonce out of order, and that is tolerated; only an exact
/// repeat — a replayed header — is refused. Bounded: at <see cref="Capacity"/> entries the expired ones are dropped, and when
/// all are live the answer is refused as if replayed (the CPE is challenged again and retries with a fresh nonce).
/// </summary>
internal sealed class DigestReplayGuard(TimeProvider time, TimeSpan lifetime)
{
    public const int Capacity = 262_144;

    private readonly ConcurrentDictionary<UInt128, long> _seen = new();
    private int _pruning;

    /// <summary>True the first time an answer is seen; false for a repeat (or when the guard is full of live answers).</summary>
    public bool TryRecord(string nonce, string nc, string cnonce)
    {
        var now = time.GetTimestamp();
        if (_seen.Count >= Capacity)
        {
            Prune(now);
            if (_seen.Count >= Capacity)
            {
                return false;
            }
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{nonce}\n{nc}\n{cnonce}"), hash);
        var key = new UInt128(BitConverter.ToUInt64(hash), BitConverter.ToUInt64(hash[8..]));
        return _seen.TryAdd(key, now);
    }

    private void Prune(long now)
    {
        if (Interlocked.Exchange(ref _pruning, 1) == 1)
        {
            return;
        }

        try
        {
            foreach (var (key, at) in _seen)
            {
                if (time.GetElapsedTime(at, now) > lifetime)
                {
                    _seen.TryRemove(key, out _);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _pruning, 0);
        }
    }
}
