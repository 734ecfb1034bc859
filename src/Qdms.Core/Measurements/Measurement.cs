namespace Qdms.Core.Measurements;

/// <summary>
/// The statistics of one batch of samples of one metric of one device (an RTT probe batch, an agent's CPU samples,
/// an SNMP poll), stamped with the time the batch ended. A single sample has count 1 and every statistic equal.
/// </summary>
/// <param name="Metric">Lower-case dotted name: <c>rtt</c> (ms), <c>cpu_total_load</c> (%), <c>memory_used</c> (%),
/// <c>network_egress_load</c>, <c>network_ingress_load</c>, <c>snmp.if.3.in_bps</c> …</param>
/// <param name="Count">How many samples the statistics cover (for RTT: probes answered).</param>
/// <param name="LossPercent">Share of samples lost (probes without an answer), when the metric has loss.</param>
/// <param name="Jitter">Standard deviation of the samples, when computed.</param>
/// <param name="Failed">True when the measurement itself failed (no answer at all); the statistics are then null.</param>
public sealed record Measurement(
    long TenantId,
    long DeviceId,
    string Metric,
    DateTimeOffset Time,
    double? Minimum,
    double? Maximum,
    double? Mean,
    double? Median,
    double? Current,
    int Count,
    double? LossPercent = null,
    double? Jitter = null,
    double? P95 = null,
    bool Failed = false)
{
    /// <summary>One sample: count 1, every statistic equal to <paramref name="value"/>.</summary>
    public static Measurement Single(long tenantId, long deviceId, string metric, DateTimeOffset time, double value) =>
        new(tenantId, deviceId, metric, time, value, value, value, value, value, 1);
}
