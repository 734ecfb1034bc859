namespace Qdms.Agent.Sampling;

/// <summary>One reading of /proc/stat: the aggregate CPU line and one entry per core line.</summary>
internal sealed record CpuStat(CpuTimes Total, IReadOnlyDictionary<int, CpuTimes> Cores)
{
    /// <summary>
    /// Parses the text of /proc/stat. Columns (proc(5)): user nice system idle iowait irq softirq steal guest guest_nice;
    /// guest time is already counted in user/nice, so the total is the sum of the first eight and idle is idle + iowait.
    /// </summary>
    /// <exception cref="FormatException">The aggregate "cpu" line is missing or a line is malformed.</exception>
    public static CpuStat Parse(string text)
    {
        CpuTimes? total = null;
        var cores = new Dictionary<int, CpuTimes>();
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith("cpu", StringComparison.Ordinal))
            {
                continue;
            }

            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var times = ParseTimes(fields);
            if (fields[0] == "cpu")
            {
                total = times;
            }
            else if (int.TryParse(fields[0].AsSpan(3), out var index) && index >= 0)
            {
                cores[index] = times;
            }
            else
            {
                throw new FormatException($"/proc/stat: unexpected CPU line name '{fields[0]}'.");
            }
        }

        return total is { } t ? new CpuStat(t, cores) : throw new FormatException("/proc/stat: no aggregate 'cpu' line.");
    }

    private static CpuTimes ParseTimes(string[] fields)
    {
        // name + user nice system idle, at least (iowait and later columns arrived with Linux 2.5/2.6)
        if (fields.Length < 5)
        {
            throw new FormatException($"/proc/stat: line '{fields[0]}' has {fields.Length - 1} columns, expected at least 4.");
        }

        ulong total = 0;
        ulong idle = 0;
        var columns = Math.Min(fields.Length - 1, 8);
        for (var i = 0; i < columns; i++)
        {
            if (!ulong.TryParse(fields[i + 1], out var value))
            {
                throw new FormatException($"/proc/stat: line '{fields[0]}' column {i + 1} is not a counter: '{fields[i + 1]}'.");
            }

            total += value;
            if (i is 3 or 4)
            {
                idle += value;
            }
        }

        return new CpuTimes(total, idle);
    }
}
