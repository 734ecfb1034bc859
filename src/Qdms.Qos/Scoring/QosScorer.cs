using Qdms.Qos.Metrics;
using Qdms.Qos.Window;

namespace Qdms.Qos.Scoring;

/// <summary>
/// Scores providers: Σ weight × value over the plan's metrics, where a value is the window statistic in percent — RTT as a
/// share of <c>rtt.measurement.timeout</c> (capped at 100), device-agent groups as they are — and a group with no batch in the
/// window, or a failed batch, counts 100. Lower is better.
/// </summary>
public sealed class QosScorer(QosWindowStore window)
{
    public const double Worst = 100;

    /// <summary>Scores each provider; <paramref name="providers"/> pairs a name with its device, or null when it is unknown.</summary>
    public IReadOnlyList<ProviderScore> Score(QosEvaluationPlan plan, IReadOnlyList<(string Name, long? DeviceId)> providers, DateTimeOffset now, TimeSpan rttTimeout)
    {
        var timeoutMs = rttTimeout.TotalMilliseconds;
        var nowMs = now.ToUnixTimeMilliseconds();
        var windowMs = (long)plan.Window.TotalMilliseconds;
        var result = new ProviderScore[providers.Count];
        for (var p = 0; p < providers.Count; p++)
        {
            var (name, deviceId) = providers[p];
            var series = deviceId is { } known ? window.SeriesOf(known) : null;
            var metrics = new MetricScore[plan.Metrics.Count];
            List<string>? missing = null;
            var score = 0.0;
            for (var i = 0; i < plan.Metrics.Count; i++)
            {
                var metric = plan.Metrics[i];
                var weight = plan.Weights[i];
                var worst = metric.Group == QosMetricGroup.Rtt ? timeoutMs : Worst;
                var stats = series?[(int)metric.Group].Stats(nowMs, windowMs, worst);
                double value;
                if (stats is { } s)
                {
                    var raw = s.Get(metric.Statistic);
                    value = Math.Clamp(metric.Group == QosMetricGroup.Rtt ? raw / timeoutMs * 100 : raw, 0, Worst);
                }
                else
                {
                    value = Worst;
                    missing ??= [];
                    var group = metric.Group.WireName();
                    if (!missing.Contains(group))
                    {
                        missing.Add(group);
                    }
                }

                metrics[i] = new MetricScore(metric.ToString(), value, weight, weight * value, stats is null, stats?.Batches ?? 0);
                score += weight * value;
            }

            result[p] = new ProviderScore(name, deviceId, deviceId is not null, deviceId is null ? Worst : score, metrics, missing ?? (IReadOnlyList<string>)[]);
        }

        return result;
    }

    /// <summary>Best first: lower score, then known before unknown, then name in ordinal order — the same input gives the same order.</summary>
    public static IReadOnlyList<ProviderScore> Rank(IEnumerable<ProviderScore> scores)
    {
        var ranked = scores.ToArray();
        Array.Sort(ranked, static (a, b) =>
        {
            var c = a.Score.CompareTo(b.Score);
            if (c == 0)
            {
                c = (a.Known ? 0 : 1).CompareTo(b.Known ? 0 : 1);
            }

            return c != 0 ? c : string.CompareOrdinal(a.Provider, b.Provider);
        });
        return ranked;
    }
}
