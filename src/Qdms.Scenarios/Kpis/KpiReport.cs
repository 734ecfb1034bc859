namespace Qdms.Scenarios.Kpis;

/// <summary>
/// The KPIs of a run (or of many runs added together).
/// Service success ratio = <see cref="Served"/> / <see cref="Attempts"/>: an attempt is a transaction whose request was written;
/// it is served when an expected, passing answer arrived within its deadline. Response times are in seconds at microsecond
/// resolution. Timeouts, retries and unexpected frames are counted apart; <see cref="BadPackets"/> counts received frames whose
/// checksum failed (the recognised bad packets).
/// </summary>
public sealed record KpiReport(
    long Attempts,
    long Served,
    double? Ssr,
    WilsonInterval SsrInterval,
    long Timeouts,
    long Failures,
    long Retries,
    long Unexpected,
    long FramesReceived,
    long BadPackets,
    long ResponseCount,
    double? P50,
    double? P90,
    double? P95,
    double? P99,
    double? Mean,
    double? Min,
    double? Max,
    IReadOnlyDictionary<string, long> Counters)
{
    /// <summary>The metric names thresholds may use.</summary>
    public static readonly IReadOnlyList<string> MetricNames =
        ["ssr", "attempts", "served", "timeouts", "failures", "retries", "unexpected", "frames", "bad", "p50", "p90", "p95", "p99", "mean", "min", "max"];

    /// <summary>Whether <paramref name="name"/> is a KPI name.</summary>
    public static bool IsMetric(string name) => MetricNames.Contains(name);

    /// <summary>Builds the report from raw figures and a histogram of response times (µs).</summary>
    public static KpiReport From(long attempts, long served, long timeouts, long failures, long retries, long unexpected, long frames, long bad,
        ResponseTimeHistogram times, IReadOnlyDictionary<string, long> counters)
    {
        double? Seconds(long micros) => times.Count == 0 ? null : micros / 1_000_000.0;
        return new KpiReport(attempts, served, attempts == 0 ? null : (double)served / attempts, WilsonInterval.Of(served, attempts), timeouts, failures,
            retries, unexpected, frames, bad, times.Count, Seconds(times.Percentile(50)), Seconds(times.Percentile(90)), Seconds(times.Percentile(95)),
            Seconds(times.Percentile(99)), times.Count == 0 ? null : times.Mean / 1_000_000.0, Seconds(times.Min), Seconds(times.Max),
            counters);
    }

    /// <summary>A KPI or counter by name, or null when it has no value (no attempts, no response).</summary>
    public double? Metric(string name) => name switch
    {
        "ssr" => Ssr,
        "attempts" => Attempts,
        "served" => Served,
        "timeouts" => Timeouts,
        "failures" => Failures,
        "retries" => Retries,
        "unexpected" => Unexpected,
        "frames" => FramesReceived,
        "bad" => BadPackets,
        "p50" => P50,
        "p90" => P90,
        "p95" => P95,
        "p99" => P99,
        "mean" => Mean,
        "min" => Min,
        "max" => Max,
        _ => Counters.TryGetValue(name, out var c) ? c : 0,
    };
}
