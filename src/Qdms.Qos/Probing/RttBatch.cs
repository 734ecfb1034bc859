using System.Net;
using Qdms.Core.Measurements;
using Qdms.Qos.Metrics;

namespace Qdms.Qos.Probing;

/// <summary>
/// One RTT batch: <c>probes</c> probes started <c>spacing</c> apart, each waiting at most the timeout. The answered ones give
/// min, max, mean, median, current, jitter and p95 in milliseconds; the unanswered ones are the loss. Only a batch in which
/// every probe was lost is a failed measurement.
/// </summary>
public sealed class RttBatch(IRttProbe probe, int probes, TimeSpan spacing, TimeSpan timeout)
{
    public IRttProbe Probe => probe;

    public async Task<Measurement> RunAsync(long tenantId, long deviceId, IPAddress address, TimeProvider time, CancellationToken ct)
    {
        var runs = new Task<double?>[probes];
        for (var i = 0; i < probes; i++)
        {
            if (i > 0 && spacing > TimeSpan.Zero)
            {
                await Task.Delay(spacing, time, ct);
            }

            runs[i] = probe.ProbeAsync(address, timeout, ct);
        }

        var answers = new List<double>(probes);
        foreach (var run in runs)
        {
            if (await run is { } micros)
            {
                answers.Add(micros / 1000.0);
            }
        }

        return Summarise(tenantId, deviceId, time.GetUtcNow(), answers, probes);
    }

    /// <summary>The measurement of a batch whose answered round trips (ms, in sending order) are <paramref name="answersMs"/>.</summary>
    public static Measurement Summarise(long tenantId, long deviceId, DateTimeOffset at, IReadOnlyList<double> answersMs, int sent)
    {
        var loss = sent == 0 ? 100.0 : 100.0 * (sent - answersMs.Count) / sent;
        if (SampleStatistics.Of(answersMs) is not { } s)
        {
            return new Measurement(tenantId, deviceId, QosMetricGroup.Rtt.StoreName(), at, null, null, null, null, null, 0, LossPercent: 100, Failed: true);
        }

        return new Measurement(tenantId, deviceId, QosMetricGroup.Rtt.StoreName(), at, s.Minimum, s.Maximum, s.Mean, s.Median, s.Current, s.Count,
            LossPercent: loss, Jitter: s.Jitter, P95: s.P95);
    }
}
