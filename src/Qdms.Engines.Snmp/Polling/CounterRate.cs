namespace Qdms.Engines.Snmp.Polling;

/// <summary>
/// The rate per second between two readings of one counter (RFC 2578 §7.1.6, §7.1.10), or null when no honest rate exists:
/// <list type="bullet">
/// <item>the agent restarted: its sysUpTime went back, or advanced much less than our clock did (restarted and up again for less than the gap);</item>
/// <item>a Counter64 went back (a discontinuity: 2^64 does not wrap in practice);</item>
/// <item>no time passed.</item>
/// </list>
/// A Counter32 that went back wrapped once at 2^32. Elapsed time is the agent's (sysUpTime) when both readings have it, else ours.
/// </summary>
internal static class CounterRate
{
    /// <summary>sysUpTime may lag our clock by this much (poll jitter, slow answers) before we call it a restart.</summary>
    private static readonly TimeSpan UptimeSlack = TimeSpan.FromSeconds(5);

    public static double? PerSecond(CounterSample previous, CounterSample current)
    {
        if (previous.Is64 != current.Is64)
        {
            return null;
        }

        double seconds;
        var wall = (current.At - previous.At).TotalSeconds;
        if (previous.UptimeTicks is { } before && current.UptimeTicks is { } now)
        {
            if (now < before)
            {
                return null;
            }

            seconds = (now - before) / 100.0;
            if (seconds + UptimeSlack.TotalSeconds < wall * 0.9)
            {
                return null;
            }
        }
        else
        {
            seconds = wall;
        }

        if (seconds <= 0)
        {
            return null;
        }

        ulong delta;
        if (current.Value >= previous.Value)
        {
            delta = current.Value - previous.Value;
        }
        else if (!current.Is64 && previous.Value <= uint.MaxValue && current.Value <= uint.MaxValue)
        {
            delta = (1UL << 32) - previous.Value + current.Value;
        }
        else
        {
            return null;
        }

        return delta / seconds;
    }
}
