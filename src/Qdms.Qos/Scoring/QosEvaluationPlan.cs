using Qdms.Core.Errors;
using Qdms.Qos.Metrics;

namespace Qdms.Qos.Scoring;

/// <summary>
/// A checked evaluation configuration: the metrics, their weights normalised to sum 1, and the window.
/// Built by <see cref="Create"/>, which turns every broken rule into a 400 naming the field.
/// </summary>
public sealed record QosEvaluationPlan(IReadOnlyList<QosMetricName> Metrics, IReadOnlyList<double> Weights, TimeSpan Window)
{
    /// <summary>
    /// Checks and normalises: metric names known and distinct; weights absent (equal) or one per metric, finite, not negative,
    /// with a positive sum, scaled to sum 1; the window (seconds, default <paramref name="defaultWindow"/>) positive and
    /// within the evaluation horizon.
    /// </summary>
    public static QosEvaluationPlan Create(IReadOnlyList<string>? metricNames, IReadOnlyList<double>? weights, int? windowSeconds, TimeSpan defaultWindow)
    {
        if (metricNames is null || metricNames.Count == 0)
        {
            throw new ValidationException("metricNames", "metricNames must list at least one metric, e.g. RTT_MEAN or CPU_TOTAL_LOAD_MAXIMUM.");
        }

        var metrics = new List<QosMetricName>(metricNames.Count);
        foreach (var name in metricNames)
        {
            if (!QosMetrics.TryParseMetric(name, out var metric))
            {
                throw new ValidationException("metricNames",
                    $"metric name '{name}' is not GROUP_STAT with GROUP one of {string.Join(", ", QosMetrics.Groups.Select(g => g.WireName()))} and STAT one of "
                    + $"{string.Join(", ", Enum.GetValues<QosStatistic>().Select(s => s.WireName()))}.");
            }

            if (metrics.Contains(metric))
            {
                throw new ValidationException("metricNames", $"metric name '{metric}' is given twice; give each metric once with its weight.");
            }

            metrics.Add(metric);
        }

        double[] normalised;
        if (weights is null || weights.Count == 0)
        {
            normalised = [.. metrics.Select(_ => 1.0 / metrics.Count)];
        }
        else
        {
            if (weights.Count != metrics.Count)
            {
                throw new ValidationException("metricWeights", $"metricWeights has {weights.Count} weights for {metrics.Count} metrics; give one weight per metric name.");
            }

            for (var i = 0; i < weights.Count; i++)
            {
                if (!double.IsFinite(weights[i]) || weights[i] < 0)
                {
                    throw new ValidationException("metricWeights", $"metricWeights[{i}] is {weights[i]}: a weight must be a finite number of 0 or more.");
                }
            }

            var sum = weights.Sum();
            if (sum <= 0)
            {
                throw new ValidationException("metricWeights", "metricWeights must not all be 0.");
            }

            normalised = [.. weights.Select(w => w / sum)];
        }

        var maxSeconds = (int)defaultWindow.TotalSeconds;
        var seconds = windowSeconds ?? maxSeconds;
        if (seconds < 1 || seconds > maxSeconds)
        {
            throw new ValidationException("timeWindow", $"timeWindow is {seconds}: it must be between 1 and evaluation.time.window ({maxSeconds}) seconds.");
        }

        return new QosEvaluationPlan(metrics, normalised, TimeSpan.FromSeconds(seconds));
    }
}
