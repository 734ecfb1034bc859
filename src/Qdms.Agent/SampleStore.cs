namespace Qdms.Agent;

/// <summary>
/// The rings of every series the agent knows. A series of a disabled group is known (requests get an empty list)
/// but has no ring.
/// </summary>
internal sealed class SampleStore
{
    private readonly Dictionary<string, SampleRing?> _series = new(StringComparer.Ordinal);

    /// <summary>Creates the series of every group; per-core series for cores 0…<paramref name="coreCount"/>−1.</summary>
    public SampleStore(IReadOnlySet<string> enabledGroups, int coreCount)
    {
        foreach (var group in OidGroups.All)
        {
            var enabled = enabledGroups.Contains(group);
            if (group == OidGroups.CpuPerCore)
            {
                for (var core = 0; core < coreCount; core++)
                {
                    _series[OidGroups.Core(core)] = enabled ? new SampleRing() : null;
                }
            }
            else
            {
                _series[group] = enabled ? new SampleRing() : null;
            }
        }
    }

    /// <summary>Whether <paramref name="oid"/> names a series of this agent.</summary>
    public bool IsKnown(string oid) => _series.ContainsKey(oid);

    /// <summary>Whether samples are collected for <paramref name="oid"/>.</summary>
    public bool IsEnabled(string oid) => _series.TryGetValue(oid, out var ring) && ring is not null;

    /// <summary>Every known series OID.</summary>
    public IEnumerable<string> Oids => _series.Keys;

    /// <summary>Adds a sample to an enabled series; ignored for a disabled or unknown one.</summary>
    public void Add(string oid, double percent)
    {
        if (_series.TryGetValue(oid, out var ring) && ring is not null)
        {
            ring.Add(Math.Round(percent, 2));
        }
    }

    /// <summary>The newest <paramref name="count"/> samples, oldest first; empty for a disabled series.</summary>
    public double[] Newest(string oid, int count) =>
        _series.TryGetValue(oid, out var ring) && ring is not null ? ring.Newest(count) : [];
}
