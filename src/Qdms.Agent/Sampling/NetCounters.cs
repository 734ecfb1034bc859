namespace Qdms.Agent.Sampling;

/// <summary>Cumulative byte counters of one network interface from /proc/net/dev.</summary>
internal readonly record struct NetCounters(ulong ReceivedBytes, ulong TransmittedBytes)
{
    /// <summary>
    /// Parses the text of /proc/net/dev: two header lines, then "iface: rx_bytes rx_packets … (8 receive columns)
    /// tx_bytes …". Returns the counters by interface name.
    /// </summary>
    /// <exception cref="FormatException">A data line is malformed.</exception>
    public static IReadOnlyDictionary<string, NetCounters> Parse(string text)
    {
        var result = new Dictionary<string, NetCounters>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0 || line.Contains('|', StringComparison.Ordinal))
            {
                continue;
            }

            var name = line[..colon].Trim();
            var fields = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 16 || !ulong.TryParse(fields[0], out var rx) || !ulong.TryParse(fields[8], out var tx))
            {
                throw new FormatException($"/proc/net/dev: cannot read the counters of '{name}'.");
            }

            result[name] = new NetCounters(rx, tx);
        }

        return result;
    }
}
