using System.Collections.Concurrent;
using System.Diagnostics;
using Qdms.Protocols.Snmp.Security;

namespace Qdms.Protocols.Snmp.Client;

/// <summary>What a manager learnt about an authoritative engine (RFC 3414 §2.3): its id, boots and time when learnt.</summary>
internal sealed record EngineState(byte[] EngineId, int Boots, int Time, long LearntAt)
{
    public static EngineState Learn(byte[] engineId, int boots, int time) => new(engineId, boots, time, Stopwatch.GetTimestamp());

    private readonly ConcurrentDictionary<UsmUser, UsmLocalizedKeys> _keys = new();

    /// <summary>The user's keys localized to this engine, computed once per user (a lookup by record value, no hashing).</summary>
    public UsmLocalizedKeys KeysFor(UsmUser user) => _keys.GetOrAdd(user, (u, id) => UsmLocalizedKeys.For(u, id), EngineId);

    /// <summary>The engine's time now, estimated from when it was learnt.</summary>
    public int TimeNow => (int)Math.Min(int.MaxValue, Time + (long)Stopwatch.GetElapsedTime(LearntAt).TotalSeconds);
}
