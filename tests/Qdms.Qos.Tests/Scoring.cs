using Qdms.Core.Measurements;
using Qdms.Qos.Metrics;
using Qdms.Qos.Scoring;
using Qdms.Qos.Window;

namespace Qdms.Qos.Tests;

/// <summary>Builders for scoring tests: a window store fed with measurements at chosen times.</summary>
internal static class Scoring
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan RttTimeout = TimeSpan.FromMilliseconds(4000);

    public static Measurement Batch(long device, QosMetricGroup group, DateTimeOffset at, double min, double max, double mean, double median, double current) =>
        new(1, device, group.StoreName(), at, min, max, mean, median, current, 5);

    public static Measurement Level(long device, QosMetricGroup group, DateTimeOffset at, double value) => Measurement.Single(1, device, group.StoreName(), at, value);

    public static Measurement FailedRtt(long device, DateTimeOffset at) =>
        new(1, device, "rtt", at, null, null, null, null, null, 0, LossPercent: 100, Failed: true);

    public static QosEvaluationPlan Plan(string[] metrics, double[]? weights = null, int windowSeconds = 60) =>
        QosEvaluationPlan.Create(metrics, weights, windowSeconds, TimeSpan.FromHours(1));

    public static IReadOnlyList<ProviderScore> Score(QosWindowStore window, QosEvaluationPlan plan, params (string Name, long? Device)[] providers) =>
        new QosScorer(window).Score(plan, providers, Now, RttTimeout);
}
