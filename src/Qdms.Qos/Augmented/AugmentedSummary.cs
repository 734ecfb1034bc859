using Qdms.Core.Measurements;
using Qdms.Qos.Metrics;

namespace Qdms.Qos.Augmented;

/// <summary>Turns an agent's answer into one measurement per advertised group, or failed ones when the agent could not be read.</summary>
public static class AugmentedSummary
{
    /// <summary>
    /// Per group: min, max, mean, median and current (the newest sample, last in the list). A group the device advertised but
    /// the agent left out or answered with an empty list gives no measurement (no data); unknown OIDs are ignored.
    /// </summary>
    public static IReadOnlyList<Measurement> Of(long tenantId, long deviceId, DateTimeOffset at, IReadOnlyList<string> groups, IReadOnlyDictionary<string, double[]> samples)
    {
        var result = new List<Measurement>(groups.Count);
        foreach (var oid in groups)
        {
            if (AgentOids.MetricOf(oid) is not { } metric || !samples.TryGetValue(oid, out var values)
                || values is null || SampleStatistics.Of(values.Where(double.IsFinite).ToList()) is not { } s)
            {
                continue;
            }

            result.Add(new Measurement(tenantId, deviceId, metric, at, s.Minimum, s.Maximum, s.Mean, s.Median, s.Current, s.Count));
        }

        return result;
    }

    /// <summary>A failed measurement per advertised group: the agent did not answer, which scores as 100 (worst).</summary>
    public static IReadOnlyList<Measurement> Failed(long tenantId, long deviceId, DateTimeOffset at, IReadOnlyList<string> groups) =>
        groups.Select(AgentOids.MetricOf).OfType<string>()
            .Select(metric => new Measurement(tenantId, deviceId, metric, at, null, null, null, null, null, 0, Failed: true))
            .ToList();
}
