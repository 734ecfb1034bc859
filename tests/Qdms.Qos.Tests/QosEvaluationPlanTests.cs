using Qdms.Core.Errors;
using Qdms.Qos.Scoring;

namespace Qdms.Qos.Tests;

public sealed class QosEvaluationPlanTests
{
    private static ValidationException Refused(string[]? metrics, double[]? weights = null, int? window = 60) =>
        Assert.Throws<ValidationException>(() => QosEvaluationPlan.Create(metrics, weights, window, TimeSpan.FromHours(1)));

    [Fact]
    public void A_negative_weight_is_refused_naming_its_index()
    {
        var e = Refused(["RTT_MEAN", "CPU_TOTAL_LOAD_MEAN"], [0.5, -0.1]);
        Assert.Contains("metricWeights", e.Errors.Keys);
        Assert.Contains("metricWeights[1]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_metric_given_twice_is_refused() =>
        Assert.Contains("given twice", Refused(["RTT_MEAN", "rtt_mean"], [0.5, 0.5]).Message, StringComparison.Ordinal);

    [Fact]
    public void A_weight_count_that_does_not_match_the_metrics_is_refused() =>
        Assert.Contains("2 weights for 1 metrics", Refused(["RTT_MEAN"], [0.5, 0.5]).Message, StringComparison.Ordinal);

    [Fact]
    public void Weights_that_are_all_zero_are_refused() => Assert.Contains("all be 0", Refused(["RTT_MEAN"], [0]).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("RTT")]
    [InlineData("RTT_AVERAGE")]
    [InlineData("DISK_USED_MEAN")]
    [InlineData("")]
    public void An_unknown_metric_name_is_refused_listing_the_known_parts(string name) =>
        Assert.Contains("CPU_TOTAL_LOAD", Refused([name]).Message, StringComparison.Ordinal);

    [Fact]
    public void No_metric_at_all_is_refused() => Assert.Contains("metricNames", Refused([]).Errors.Keys);

    [Theory]
    [InlineData(0)]
    [InlineData(3601)]
    public void A_window_outside_one_second_to_the_evaluation_window_is_refused(int seconds) =>
        Assert.Contains("timeWindow", Refused(["RTT_MEAN"], window: seconds).Errors.Keys);

    [Fact]
    public void Metric_names_are_case_insensitive_and_the_window_defaults_to_the_evaluation_window()
    {
        var plan = QosEvaluationPlan.Create(["network_ingress_load_median"], null, null, TimeSpan.FromMinutes(10));

        Assert.Equal("NETWORK_INGRESS_LOAD_MEDIAN", plan.Metrics.Single().ToString());
        Assert.Equal(TimeSpan.FromMinutes(10), plan.Window);
    }
}
