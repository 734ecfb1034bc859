using Qdms.Qos.Metrics;
using Qdms.Qos.Scoring;
using Qdms.Qos.Window;
using static Qdms.Qos.Tests.Scoring;

namespace Qdms.Qos.Tests;

public sealed class QosScorerTests
{
    private readonly QosWindowStore _window = new(TimeSpan.FromHours(1));

    [Fact]
    public void Score_is_the_weighted_sum_of_percent_values_with_rtt_scaled_to_the_timeout()
    {
        _window.Record(Batch(1, QosMetricGroup.Rtt, Now.AddSeconds(-10), 100, 400, 200, 180, 150)); // max 400 ms of 4000 = 10 %
        _window.Record(Level(1, QosMetricGroup.CpuTotalLoad, Now.AddSeconds(-5), 50));

        var s = Score(_window, Plan(["RTT_MAXIMUM", "CPU_TOTAL_LOAD_MEAN"], [0.3, 0.7]), ("SysA", 1)).Single();

        Assert.Equal(0.3 * 10 + 0.7 * 50, s.Score, 9);
        Assert.Equal([10.0, 50.0], s.Metrics.Select(m => Math.Round(m.Value, 9)));
        Assert.Equal([3.0, 35.0], s.Metrics.Select(m => Math.Round(m.Contribution, 9)));
        Assert.True(s.Known);
        Assert.Empty(s.MissingGroups);
    }

    [Fact]
    public void A_group_without_data_in_the_window_counts_100_and_is_warned_about()
    {
        _window.Record(Level(1, QosMetricGroup.CpuTotalLoad, Now.AddSeconds(-5), 20));

        var s = Score(_window, Plan(["CPU_TOTAL_LOAD_MEAN", "MEMORY_USED_MEAN"]), ("SysA", 1)).Single();

        Assert.Equal(0.5 * 20 + 0.5 * 100, s.Score, 9);
        Assert.Equal(["MEMORY_USED"], s.MissingGroups);
        Assert.True(s.Metrics[1].Missing);
    }

    [Fact]
    public void A_failed_rtt_batch_counts_as_the_timeout_that_is_100_percent()
    {
        _window.Record(FailedRtt(1, Now.AddSeconds(-1)));

        var s = Score(_window, Plan(["RTT_MINIMUM"]), ("SysA", 1)).Single();

        Assert.Equal(100, s.Score, 9);
        Assert.False(s.Metrics[0].Missing);
    }

    [Fact]
    public void An_rtt_beyond_the_timeout_is_capped_at_100()
    {
        _window.Record(Batch(1, QosMetricGroup.Rtt, Now.AddSeconds(-1), 9000, 9000, 9000, 9000, 9000));

        Assert.Equal(100, Score(_window, Plan(["RTT_MEAN"]), ("SysA", 1)).Single().Score, 9);
    }

    [Fact]
    public void An_unknown_provider_scores_worst_and_ranks_after_a_known_one_with_the_same_score()
    {
        // SysB is known but has no data at all: 100; SysZ is unknown: also 100, yet it must rank last
        _window.Record(Level(1, QosMetricGroup.CpuTotalLoad, Now.AddSeconds(-5), 99));
        var scores = Score(_window, Plan(["CPU_TOTAL_LOAD_MEAN"]), ("SysZ", null), ("SysB", 2), ("SysA", 1));

        var ranked = QosScorer.Rank(scores);

        Assert.Equal(["SysA", "SysB", "SysZ"], ranked.Select(r => r.Provider));
        Assert.False(ranked[2].Known);
        Assert.Equal(100, ranked[2].Score);
        Assert.Equal(["CPU_TOTAL_LOAD"], ranked[2].MissingGroups);
    }

    [Fact]
    public void Ties_order_by_name_whatever_the_request_order()
    {
        foreach (var d in new long[] { 1, 2, 3 })
        {
            _window.Record(Level(d, QosMetricGroup.MemoryUsed, Now.AddSeconds(-5), 40));
        }

        var plan = Plan(["MEMORY_USED_CURRENT"]);
        var a = QosScorer.Rank(Score(_window, plan, ("c", 3), ("a", 1), ("b", 2)));
        var b = QosScorer.Rank(Score(_window, plan, ("b", 2), ("c", 3), ("a", 1)));

        Assert.Equal(["a", "b", "c"], a.Select(s => s.Provider));
        Assert.Equal(["a", "b", "c"], b.Select(s => s.Provider));
    }

    [Fact]
    public void Weights_are_normalised_when_their_sum_is_off()
    {
        _window.Record(Level(1, QosMetricGroup.CpuTotalLoad, Now.AddSeconds(-5), 10));
        _window.Record(Level(1, QosMetricGroup.MemoryUsed, Now.AddSeconds(-5), 30));

        var scaled = Score(_window, Plan(["CPU_TOTAL_LOAD_MEAN", "MEMORY_USED_MEAN"], [3, 1]), ("SysA", 1)).Single();
        var unit = Score(_window, Plan(["CPU_TOTAL_LOAD_MEAN", "MEMORY_USED_MEAN"], [0.75, 0.25]), ("SysA", 1)).Single();

        Assert.Equal(0.75 * 10 + 0.25 * 30, scaled.Score, 9);
        Assert.Equal(unit.Score, scaled.Score, 9);
        Assert.Equal([0.75, 0.25], scaled.Metrics.Select(m => m.Weight));
    }

    [Fact]
    public void Without_weights_every_metric_weighs_the_same()
    {
        var plan = Plan(["RTT_MEAN", "CPU_TOTAL_LOAD_MEAN", "MEMORY_USED_MEAN", "NETWORK_EGRESS_LOAD_MEAN"]);

        Assert.All(plan.Weights, w => Assert.Equal(0.25, w, 12));
    }

    [Fact]
    public void The_window_includes_a_batch_exactly_at_its_start_and_excludes_one_a_millisecond_earlier()
    {
        _window.Record(Level(1, QosMetricGroup.CpuTotalLoad, Now.AddSeconds(-60), 10)); // at now − 60 s: inside
        _window.Record(Level(2, QosMetricGroup.CpuTotalLoad, Now.AddSeconds(-60).AddMilliseconds(-1), 10)); // outside
        _window.Record(Level(3, QosMetricGroup.CpuTotalLoad, Now.AddMilliseconds(1), 10)); // after now: outside

        var scores = Score(_window, Plan(["CPU_TOTAL_LOAD_MEAN"], windowSeconds: 60), ("in", 1), ("before", 2), ("after", 3));

        Assert.Equal([10.0, 100.0, 100.0], scores.Select(s => s.Score));
    }

    [Fact]
    public void Window_statistics_take_the_extremes_the_mean_of_means_the_median_of_medians_and_the_newest_current()
    {
        _window.Record(Batch(1, QosMetricGroup.CpuTotalLoad, Now.AddSeconds(-30), 5, 50, 20, 18, 40));
        _window.Record(Batch(1, QosMetricGroup.CpuTotalLoad, Now.AddSeconds(-20), 1, 30, 10, 12, 25));
        _window.Record(Batch(1, QosMetricGroup.CpuTotalLoad, Now.AddSeconds(-10), 3, 60, 30, 30, 7));
        var plan = Plan(["CPU_TOTAL_LOAD_MINIMUM", "CPU_TOTAL_LOAD_MAXIMUM", "CPU_TOTAL_LOAD_MEAN", "CPU_TOTAL_LOAD_MEDIAN", "CPU_TOTAL_LOAD_CURRENT"]);

        var values = Score(_window, plan, ("SysA", 1)).Single().Metrics.Select(m => Math.Round(m.Value, 6));

        Assert.Equal([1.0, 60.0, 20.0, 18.0, 7.0], values);
    }

    [Fact]
    public void A_new_measurement_changes_the_next_evaluation_even_after_a_cached_one()
    {
        var plan = Plan(["CPU_TOTAL_LOAD_CURRENT"]);
        _window.Record(Level(1, QosMetricGroup.CpuTotalLoad, Now.AddSeconds(-20), 10));
        Assert.Equal(10, Score(_window, plan, ("SysA", 1)).Single().Score, 6);

        _window.Record(Level(1, QosMetricGroup.CpuTotalLoad, Now.AddSeconds(-10), 70));

        Assert.Equal(70, Score(_window, plan, ("SysA", 1)).Single().Score, 6);
    }

    [Fact]
    public void A_batch_that_ages_out_of_the_window_stops_counting_even_with_nothing_new()
    {
        var window = new QosWindowStore(TimeSpan.FromHours(1));
        window.Record(Level(1, QosMetricGroup.CpuTotalLoad, Now.AddSeconds(-50), 80));
        window.Record(Level(1, QosMetricGroup.CpuTotalLoad, Now.AddSeconds(-5), 20));
        var plan = Plan(["CPU_TOTAL_LOAD_MAXIMUM"]);
        var scorer = new QosScorer(window);

        var before = scorer.Score(plan, [("SysA", 1)], Now, RttTimeout).Single().Score;
        var later = scorer.Score(plan, [("SysA", 1)], Now.AddSeconds(15), RttTimeout).Single().Score;

        Assert.Equal(80, before, 6);
        Assert.Equal(20, later, 6);
    }
}
