using Qdms.Agent.Sampling;

namespace Qdms.Agent.Tests;

public sealed class ProcParserTests
{
    [Fact]
    public void Two_stat_snapshots_give_the_exact_total_and_per_core_load()
    {
        var a = CpuStat.Parse(ProcFixture.Read("stat-a"));
        var b = CpuStat.Parse(ProcFixture.Read("stat-b"));

        Assert.Equal(56.25, b.Total.LoadSince(a.Total));
        Assert.Equal([0, 1], b.Cores.Keys.Order());
        Assert.Equal(75.0, b.Cores[0].LoadSince(a.Cores[0]));
        Assert.Equal(37.5, b.Cores[1].LoadSince(a.Cores[1]));
    }

    [Fact]
    public void Stat_counts_iowait_as_idle_and_leaves_guest_out_of_the_total()
    {
        var times = CpuStat.Parse("cpu  1 2 3 4 5 6 7 8 100 200\n").Total;

        Assert.Equal(new CpuTimes(36, 9), times);
    }

    [Fact]
    public void Load_is_zero_when_no_time_passed_or_counters_went_back()
    {
        var t = new CpuTimes(1000, 400);

        Assert.Equal(0, t.LoadSince(t));
        Assert.Equal(0, new CpuTimes(900, 300).LoadSince(t));
    }

    [Theory]
    [InlineData("intr 1 2 3\n", "no aggregate 'cpu' line")]
    [InlineData("cpu  1 2 x 4\n", "column 3")]
    [InlineData("cpu  1 2 3\n", "at least 4")]
    [InlineData("cpu  1 2 3 4\ncpuX 1 2 3 4\n", "cpuX")]
    public void Stat_rejects_malformed_text_naming_the_problem(string text, string expected)
    {
        var e = Assert.Throws<FormatException>(() => CpuStat.Parse(text));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Meminfo_gives_total_minus_available_as_exact_percent()
    {
        var info = MemInfo.Parse(ProcFixture.Read("meminfo"));

        Assert.Equal(new MemInfo(16_000_000, 4_000_000), info);
        Assert.Equal(75.0, info.UsedPercent);
    }

    [Fact]
    public void Meminfo_without_MemAvailable_is_rejected()
    {
        var e = Assert.Throws<FormatException>(() => MemInfo.Parse("MemTotal: 100 kB\nMemFree: 50 kB\n"));

        Assert.Contains("MemAvailable", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Net_dev_gives_byte_counters_per_interface()
    {
        var counters = NetCounters.Parse(ProcFixture.Read("net-dev-b"));

        Assert.Equal(["eth0", "eth1", "lo"], counters.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new NetCounters(2_250_000, 14_500_000), counters["eth0"]);
    }

    [Fact]
    public void Net_dev_rejects_a_short_line()
    {
        var e = Assert.Throws<FormatException>(() => NetCounters.Parse("  eth0: 1 2 3\n"));

        Assert.Contains("eth0", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(12_500_000UL, 1.0, 1000, 10.0)]
    [InlineData(12_500_000UL, 2.0, 1000, 5.0)]
    [InlineData(1_250_000UL, 1.0, 10_000, 0.1)]
    [InlineData(500_000_000UL, 1.0, 1000, 100.0)]
    [InlineData(0UL, 1.0, 1000, 0.0)]
    public void Network_load_is_bits_per_second_over_link_speed(ulong bytes, double seconds, int mbps, double expected)
    {
        Assert.Equal(expected, NetworkLoad.Percent(bytes, seconds, mbps * 1_000_000.0), precision: 10);
    }

    [Fact]
    public void Link_speed_comes_from_sysfs_else_the_default()
    {
        using var proc = new ProcFixture();
        proc.SetLinkSpeed("eth0", "10000\n");
        proc.SetLinkSpeed("veth1", "-1\n");

        Assert.Equal(10_000, LinkSpeed.ReadMbps(proc.SysRoot, "eth0", 1000));
        Assert.Equal(1000, LinkSpeed.ReadMbps(proc.SysRoot, "veth1", 1000));
        Assert.Equal(250, LinkSpeed.ReadMbps(proc.SysRoot, "missing0", 250));
    }
}
