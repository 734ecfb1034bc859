namespace Qdms.Agent.Sampling;

/// <summary>The memory figures of /proc/meminfo the agent uses, in kB.</summary>
internal readonly record struct MemInfo(ulong TotalKb, ulong AvailableKb)
{
    /// <summary>Used memory in percent: (MemTotal − MemAvailable) / MemTotal.</summary>
    public double UsedPercent =>
        TotalKb == 0 ? 0 : Math.Clamp((TotalKb - Math.Min(AvailableKb, TotalKb)) * 100.0 / TotalKb, 0, 100);

    /// <summary>Parses the text of /proc/meminfo ("MemTotal:  16314368 kB" lines).</summary>
    /// <exception cref="FormatException">MemTotal or MemAvailable is missing or not a number.</exception>
    public static MemInfo Parse(string text)
    {
        ulong? total = null;
        ulong? available = null;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("MemTotal:", StringComparison.Ordinal))
            {
                total = ParseKb(line);
            }
            else if (line.StartsWith("MemAvailable:", StringComparison.Ordinal))
            {
                available = ParseKb(line);
            }
        }

        if (total is null || available is null)
        {
            throw new FormatException("/proc/meminfo: MemTotal and MemAvailable are required (MemAvailable needs Linux 3.14).");
        }

        return new MemInfo(total.Value, available.Value);
    }

    private static ulong ParseKb(string line)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length >= 2 && ulong.TryParse(fields[1], out var value)
            ? value
            : throw new FormatException($"/proc/meminfo: cannot read '{line}'.");
    }
}
