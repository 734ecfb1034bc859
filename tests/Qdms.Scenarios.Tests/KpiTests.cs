using Qdms.Scenarios.Format;
using Qdms.Scenarios.Kpis;

namespace Qdms.Scenarios.Tests;

public sealed class KpiTests
{
    [Fact]
    public void Wilson_interval_matches_the_textbook_values()
    {
        // 136 of 143: p = 0.951; Wilson 95 % = [0.902, 0.976] (computed by hand from the formula).
        var w = WilsonInterval.Of(136, 143);
        Assert.Equal(0.9025, w.Low, 3);
        Assert.Equal(0.9762, w.High, 3);
        var all = WilsonInterval.Of(20, 20);
        Assert.Equal(1.0, all.High, 9);
        Assert.Equal(0.8389, all.Low, 3);
        Assert.Equal(new WilsonInterval(0, 1), WilsonInterval.Of(0, 0));
    }

    [Fact]
    public void Histogram_is_exact_below_a_millisecond_and_within_a_tenth_of_a_percent_above()
    {
        var h = new ResponseTimeHistogram();
        for (var v = 1; v <= 1000; v++)
        {
            h.Record(v);
        }

        Assert.Equal(500, h.Percentile(50));
        Assert.Equal(950, h.Percentile(95));
        Assert.Equal(1000, h.Percentile(100));
        Assert.Equal(500.5, h.Mean);

        var big = new ResponseTimeHistogram();
        big.Record(14_000_000);
        big.Record(123_457);
        Assert.Equal(14_000_000, big.Percentile(100));
        Assert.InRange(big.Percentile(50), 123_457 * 0.999, 123_457 * 1.001);
    }

    [Fact]
    public void Recognition_rate_and_false_alarm_rate()
    {
        var r = PacketErrorRecognition.Compute(new HashSet<long> { 3, 9, 40 }, new HashSet<long> { 3, 9, 11, 12 }, 100);
        Assert.Equal(0.5, r.Rate);
        Assert.Equal(1.0 / 96, r.FalseAlarmRate);
    }

    [Fact]
    public void Thresholds_compare_durations_in_seconds()
    {
        var kpis = KpiReport.From(10, 9, 1, 0, 0, 0, 10, 0, Histogram(9_000_000), new Dictionary<string, long>());
        var results = ThresholdResult.Evaluate([Comparison.Parse("ssr >= 0.95"), Comparison.Parse("p95 < 10s"), Comparison.Parse("timeouts <= 1")], kpis);
        Assert.False(results[0].Passed);
        Assert.Equal(0.9, results[0].Actual);
        Assert.True(results[1].Passed);
        Assert.True(results[2].Passed);
    }

    private static ResponseTimeHistogram Histogram(long micros)
    {
        var h = new ResponseTimeHistogram();
        h.Record(micros);
        return h;
    }
}
