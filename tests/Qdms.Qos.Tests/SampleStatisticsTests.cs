using Qdms.Qos.Metrics;
using Qdms.Qos.Probing;

namespace Qdms.Qos.Tests;

public sealed class SampleStatisticsTests
{
    [Fact]
    public void Statistics_of_a_batch_keep_the_last_sample_as_current()
    {
        var s = SampleStatistics.Of([4, 1, 3, 2])!.Value;

        Assert.Equal((1.0, 4.0, 2.5, 2.5, 2.0, 4), (s.Minimum, s.Maximum, s.Mean, s.Median, s.Current, s.Count));
        Assert.Equal(Math.Sqrt(1.25), s.Jitter, 12);
        Assert.Equal(4, s.P95);
    }

    [Fact]
    public void P95_is_the_nearest_rank()
    {
        var s = SampleStatistics.Of(Enumerable.Range(1, 100).Select(i => (double)i).ToList())!.Value;

        Assert.Equal(95, s.P95);
        Assert.Equal(50.5, s.Median);
    }

    [Fact]
    public void A_batch_with_some_probes_lost_keeps_its_statistics_and_reports_the_loss()
    {
        var m = RttBatch.Summarise(1, 7, DateTimeOffset.UnixEpoch, [1.5, 2.5, 2.0], 5);

        Assert.False(m.Failed);
        Assert.Equal(40, m.LossPercent);
        Assert.Equal((1.5, 2.5, 2.0, 2.0, 2.0, 3), (m.Minimum!.Value, m.Maximum!.Value, m.Mean!.Value, m.Median!.Value, m.Current!.Value, m.Count));
    }

    [Fact]
    public void A_batch_with_every_probe_lost_is_a_failed_measurement()
    {
        var m = RttBatch.Summarise(1, 7, DateTimeOffset.UnixEpoch, [], 5);

        Assert.True(m.Failed);
        Assert.Equal(100, m.LossPercent);
        Assert.Null(m.Mean);
    }
}
