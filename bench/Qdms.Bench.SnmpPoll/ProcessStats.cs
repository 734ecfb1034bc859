using System.Globalization;

namespace Qdms.Bench.SnmpPoll;

/// <summary>CPU time and resident memory of a process from /proc (Linux).</summary>
internal static class ProcessStats
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>User + system CPU seconds the process has used.</summary>
    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // fields after "(comm) ": state is [0], utime is field 14 of stat → [11], stime → [12]
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>Resident set size in MiB.</summary>
    public static double RssMiB(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return 0;
    }
}
