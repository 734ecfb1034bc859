using System.Diagnostics;
using Qdms.Agent.Sampling;

namespace Qdms.Agent.Tests;

/// <summary>Runs the sampler on this machine's real /proc, /sys and root filesystem.</summary>
public sealed class RealProcTests
{
    [Fact]
    public void Every_series_of_this_machine_is_a_percentage()
    {
        var options = new AgentOptions();
        var store = new SampleStore(options.EnabledGroups, DeviceSampler.CountCores(options.ProcRoot));
        var sampler = new DeviceSampler(options, store, AgentLog.None);

        sampler.Sample(Stopwatch.GetTimestamp());
        sampler.Sample(Stopwatch.GetTimestamp());

        var oids = store.Oids.ToList();
        Assert.Contains("1.5.0", oids);
        var coreLines = File.ReadLines("/proc/stat").Count(l => l.StartsWith("cpu", StringComparison.Ordinal) && char.IsDigit(l[3]));
        Assert.Equal(coreLines, oids.Count(o => o.StartsWith("1.5.", StringComparison.Ordinal)));
        foreach (var oid in oids)
        {
            var samples = store.Newest(oid, 30);
            Assert.NotEmpty(samples);
            Assert.All(samples, v => Assert.InRange(v, 0, 100));
        }

        // memory and disk are levels, not rates: the first reading already counts, and a running machine uses some
        Assert.Equal(2, store.Newest("2.1", 30).Length);
        Assert.True(store.Newest("2.1", 1)[0] > 0);
        Assert.True(store.Newest("4.1", 1)[0] > 0);
    }
}
