using System.Diagnostics;
using Qdms.Agent.Sampling;

namespace Qdms.Agent.Tests;

public sealed class DeviceSamplerTests
{
    [Fact]
    public void Two_samples_one_second_apart_give_exact_loads_from_fixed_files()
    {
        using var proc = new ProcFixture();
        proc.SetLinkSpeed("eth0", "10000\n");
        var (sampler, store) = Create(proc, new AgentOptions { Interface = "eth0" });
        var t0 = Stopwatch.GetTimestamp();

        sampler.Sample(t0);
        proc.Use("stat-b", "stat");
        proc.Use("net-dev-b", Path.Combine("net", "dev"));
        sampler.Sample(t0 + Stopwatch.Frequency);

        Assert.Equal([56.25], store.Newest("1.4", 30));
        Assert.Equal([75.0], store.Newest("1.5.0", 30));
        Assert.Equal([37.5], store.Newest("1.5.1", 30));
        Assert.Equal([75.0, 75.0], store.Newest("2.1", 30));
        // eth0: 12,500,000 B out and 1,250,000 B in over 1 s on a 10 Gbit/s link
        Assert.Equal([1.0], store.Newest("3.1", 30));
        Assert.Equal([0.1], store.Newest("3.2", 30));
        Assert.Equal(2, store.Newest("4.1", 30).Length); // a level, sampled from the first reading
    }

    [Fact]
    public void Without_configured_interfaces_all_but_lo_count_at_the_default_speed()
    {
        using var proc = new ProcFixture();
        var (sampler, store) = Create(proc, new AgentOptions { DefaultLinkSpeedMbps = 1000 });
        var t0 = Stopwatch.GetTimestamp();

        sampler.Sample(t0);
        proc.Use("net-dev-b", Path.Combine("net", "dev"));
        sampler.Sample(t0 + (2 * Stopwatch.Frequency));

        // eth0 + eth1: 13,750,000 B out, 1,250,000 B in, over 2 s, on 2 × 1000 Mbit/s
        Assert.Equal([2.75], store.Newest("3.1", 30));
        Assert.Equal([0.25], store.Newest("3.2", 30));
    }

    [Fact]
    public void Disabled_groups_are_not_sampled()
    {
        using var proc = new ProcFixture();
        var (sampler, store) = Create(proc, new AgentOptions { Groups = "2.1" });

        sampler.Sample(Stopwatch.GetTimestamp());
        sampler.Sample(Stopwatch.GetTimestamp());

        Assert.Equal([75.0, 75.0], store.Newest("2.1", 30));
        Assert.Empty(store.Newest("1.4", 30));
        Assert.Empty(store.Newest("3.1", 30));
        Assert.Empty(store.Newest("4.1", 30));
    }

    private static (DeviceSampler Sampler, SampleStore Store) Create(ProcFixture proc, AgentOptions options)
    {
        options.ProcRoot = proc.ProcRoot;
        options.SysRoot = proc.SysRoot;
        options.Mount = proc.Root;
        var store = new SampleStore(options.EnabledGroups, DeviceSampler.CountCores(options.ProcRoot));
        return (new DeviceSampler(options, store, AgentLog.None), store);
    }
}
