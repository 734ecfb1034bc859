namespace Qdms.Agent.Sampling;

/// <summary>Cumulative jiffies of one CPU line of /proc/stat: all time and the idle part (idle + iowait).</summary>
internal readonly record struct CpuTimes(ulong Total, ulong Idle)
{
    /// <summary>
    /// Busy share, in percent, of the time between <paramref name="earlier"/> and this reading; 0 when no time passed
    /// or the counters went backwards (a CPU brought offline and back).
    /// </summary>
    public double LoadSince(CpuTimes earlier)
    {
        if (Total <= earlier.Total || Idle < earlier.Idle)
        {
            return 0;
        }

        double total = Total - earlier.Total;
        double idle = Idle - earlier.Idle;
        return Math.Clamp((total - idle) / total * 100.0, 0, 100);
    }
}
