using Qdms.Scenarios.Format;

namespace Qdms.Scenarios.Kpis;

/// <summary>One threshold checked: the comparison, the value it saw (null: no value, which fails), and whether it held.</summary>
public sealed record ThresholdResult(Comparison Threshold, double? Actual, bool Passed)
{
    /// <summary>Checks every threshold against <paramref name="kpis"/>.</summary>
    public static IReadOnlyList<ThresholdResult> Evaluate(IEnumerable<Comparison> thresholds, KpiReport kpis) =>
        thresholds.Select(t =>
        {
            var actual = kpis.Metric(t.Subject);
            return new ThresholdResult(t, actual, actual is { } a && t.Holds(a));
        }).ToList();
}
