namespace Qdms.Agent.Sampling;

/// <summary>
/// Takes one sample of every enabled group per call. CPU and network are rates, so the first call only records the
/// counters and later calls add the load since the previous call; memory and disk are added from the first call.
/// Not thread-safe: one <see cref="SamplingLoop"/> drives it.
/// </summary>
internal sealed class DeviceSampler(AgentOptions options, SampleStore store, AgentLog log)
{
    private readonly IReadOnlySet<string> _groups = options.EnabledGroups;
    private CpuStat? _previousCpu;
    private NetCounters? _previousNet;
    private long _previousNetTimestamp;
    private double _linkBitsPerSecond;

    /// <summary>Reads the sources and adds one sample per enabled series.</summary>
    /// <param name="timestamp">A <see cref="System.Diagnostics.Stopwatch"/> timestamp of this reading.</param>
    public void Sample(long timestamp)
    {
        if (_groups.Contains(OidGroups.CpuTotal) || _groups.Contains(OidGroups.CpuPerCore))
        {
            Try("cpu", SampleCpu);
        }

        if (_groups.Contains(OidGroups.MemoryUsed))
        {
            Try("memory", () => store.Add(OidGroups.MemoryUsed, MemInfo.Parse(ReadProc("meminfo")).UsedPercent));
        }

        if (_groups.Contains(OidGroups.NetworkEgress) || _groups.Contains(OidGroups.NetworkIngress))
        {
            Try("network", () => SampleNetwork(timestamp));
        }

        if (_groups.Contains(OidGroups.DiskUsed))
        {
            Try("disk", () => store.Add(OidGroups.DiskUsed, DiskUsedPercent(options.Mount)));
        }
    }

    /// <summary>Used space of the filesystem holding <paramref name="path"/> (statvfs: blocks − free blocks).</summary>
    public static double DiskUsedPercent(string path)
    {
        var drive = new DriveInfo(path);
        var total = drive.TotalSize;
        return total <= 0 ? 0 : Math.Clamp((total - drive.TotalFreeSpace) * 100.0 / total, 0, 100);
    }

    /// <summary>Cores listed in /proc/stat under <paramref name="procRoot"/>, 1 if it cannot be read.</summary>
    public static int CountCores(string procRoot)
    {
        try
        {
            var cores = CpuStat.Parse(File.ReadAllText(Path.Combine(procRoot, "stat"))).Cores;
            return cores.Count == 0 ? 0 : cores.Keys.Max() + 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return Environment.ProcessorCount;
        }
    }

    private void SampleCpu()
    {
        var current = CpuStat.Parse(ReadProc("stat"));
        if (_previousCpu is { } previous)
        {
            store.Add(OidGroups.CpuTotal, current.Total.LoadSince(previous.Total));
            foreach (var (core, times) in current.Cores)
            {
                // an offline core has no line; a core that just came online has no previous reading yet
                if (previous.Cores.TryGetValue(core, out var before))
                {
                    store.Add(OidGroups.Core(core), times.LoadSince(before));
                }
            }
        }

        _previousCpu = current;
    }

    private void SampleNetwork(long timestamp)
    {
        var all = NetCounters.Parse(ReadProc(Path.Combine("net", "dev")));
        var names = options.Interfaces.Count > 0 ? options.Interfaces : all.Keys.Where(n => n != "lo").ToList();
        ulong rx = 0;
        ulong tx = 0;
        foreach (var name in names)
        {
            if (all.TryGetValue(name, out var counters))
            {
                rx += counters.ReceivedBytes;
                tx += counters.TransmittedBytes;
            }
        }

        var current = new NetCounters(rx, tx);
        if (_previousNet is { } previous && rx >= previous.ReceivedBytes && tx >= previous.TransmittedBytes)
        {
            var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(_previousNetTimestamp, timestamp).TotalSeconds;
            store.Add(OidGroups.NetworkEgress, NetworkLoad.Percent(tx - previous.TransmittedBytes, seconds, _linkBitsPerSecond));
            store.Add(OidGroups.NetworkIngress, NetworkLoad.Percent(rx - previous.ReceivedBytes, seconds, _linkBitsPerSecond));
        }

        // the link speed can change (renegotiation, an interface appearing): read it with the counters it applies to
        _linkBitsPerSecond = names.Where(all.ContainsKey)
            .Sum(n => (double)LinkSpeed.ReadMbps(options.SysRoot, n, options.DefaultLinkSpeedMbps)) * 1_000_000;
        _previousNet = current;
        _previousNetTimestamp = timestamp;
    }

    private string ReadProc(string relative) => File.ReadAllText(Path.Combine(options.ProcRoot, relative));

    private void Try(string source, Action sample)
    {
        try
        {
            sample();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            log.Warn(9001, $"Sampling {source} failed: {e.Message}");
        }
    }
}
