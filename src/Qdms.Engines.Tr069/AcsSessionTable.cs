using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Qdms.Engines.Tr069;

/// <summary>The engine's live sessions by cookie and by device: at most one session per device at a time.</summary>
internal sealed class AcsSessionTable(TimeProvider time, TimeSpan timeout)
{
    private readonly ConcurrentDictionary<string, AcsSession> _byCookie = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, AcsSession> _byDevice = new();

    private int _live;

    public int Count => _byCookie.Count;

    /// <summary>Live sessions, kept as a plain counter (cheaper than <see cref="ConcurrentDictionary{TKey,TValue}.Count"/>, which takes every lock).</summary>
    public int Live => Volatile.Read(ref _live);

    /// <summary>A fresh unguessable cookie value.</summary>
    public static string NewId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public AcsSession? Find(string? cookie)
    {
        if (cookie is null || !_byCookie.TryGetValue(cookie, out var session))
        {
            return null;
        }

        return IsExpired(session) ? null : session;
    }

    /// <summary>
    /// Registers <paramref name="session"/> unless another live session holds its device; returns the holder then.
    /// <paramref name="replaced"/> is a timed-out session of the device that the new one took over (not yet swept).
    /// </summary>
    public AcsSession? TryBegin(AcsSession session, out AcsSession? replaced)
    {
        replaced = null;
        while (true)
        {
            if (_byDevice.TryAdd(session.DeviceId, session))
            {
                Interlocked.Increment(ref _live);
                _byCookie[session.Id] = session;
                return null;
            }

            if (!_byDevice.TryGetValue(session.DeviceId, out var holder))
            {
                continue;
            }

            if (!IsExpired(holder) && !holder.Ended && !holder.Lingering)
            {
                return holder;
            }

            if (_byDevice.TryUpdate(session.DeviceId, session, holder))
            {
                holder.Ended = true;
                _byCookie.TryRemove(holder.Id, out _);
                _byCookie[session.Id] = session;
                replaced = holder;
                return null;
            }
        }
    }

    public void End(AcsSession session)
    {
        session.Ended = true;
        _byCookie.TryRemove(session.Id, out _);
        if (_byDevice.TryRemove(new KeyValuePair<long, AcsSession>(session.DeviceId, session)))
        {
            Interlocked.Decrement(ref _live);
        }
    }

    /// <summary>Removes and returns every session silent for longer than the timeout.</summary>
    public IReadOnlyList<AcsSession> RemoveExpired()
    {
        var expired = _byCookie.Values.Where(IsExpired).ToList();
        foreach (var session in expired)
        {
            End(session);
        }

        return expired;
    }

    private bool IsExpired(AcsSession session) => time.GetElapsedTime(session.LastActivity) > (session.Timeout ?? timeout);
}
