using System.Globalization;
using Qdms.Contracts;
using Qdms.Scenarios.Running;

namespace Qdms.Cli.Commands;

/// <summary>The few lines after a run: verdict, service success ratio with its interval, response times, counts, thresholds.</summary>
internal static class ScenarioSummary
{
    public static void Write(CliContext context, ScenarioRunResultDto r)
    {
        var k = r.Kpis;
        var lines = new List<string>
        {
            $"verdict: {r.Verdict.ToUpperInvariant()} ({r.Status}{(r.Message is null ? "" : ": " + r.Message)}) in {r.DurationSeconds:0.###} s",
            $"service success ratio: {Ratio(k.Ssr)} ({k.Served}/{k.Attempts}; 95% Wilson {k.SsrLow:0.0000}-{k.SsrHigh:0.0000})",
            $"response times (s): p50 {S(k.P50)}  p90 {S(k.P90)}  p95 {S(k.P95)}  p99 {S(k.P99)}  max {S(k.Max)}  (n={k.ResponseCount})",
            $"timeouts {k.Timeouts}  failures {k.Failures}  retries {k.Retries}  unexpected {k.Unexpected}  frames {k.FramesReceived}  bad packets {k.BadPackets}"
                + string.Concat(k.Counters.Select(c => $"  {c.Key} {c.Value}")),
        };
        lines.AddRange(r.Thresholds.Select(t => $"threshold {t.Threshold}: {(t.Passed ? "ok" : "FAILED")} (actual {S(t.Actual)})"));
        foreach (var line in lines)
        {
            context.Console.Profile.Out.Writer.WriteLine(line);
        }
    }

    public static void Write(CliContext context, RunResult r)
    {
        var k = r.Kpis;
        Write(context, new ScenarioRunResultDto(r.Status.ToString().ToLowerInvariant(), r.Verdict.ToString().ToLowerInvariant(), r.Message, r.Duration.TotalSeconds,
            new ScenarioKpisDto(k.Attempts, k.Served, k.Ssr, k.SsrInterval.Low, k.SsrInterval.High, k.Timeouts, k.Failures, k.Retries, k.Unexpected, k.FramesReceived,
                k.BadPackets, k.ResponseCount, k.P50, k.P90, k.P95, k.P99, k.Mean, k.Min, k.Max, k.Counters),
            r.Thresholds.Select(t => new ScenarioThresholdDto(t.Threshold.Text, t.Actual, t.Passed)).ToList(), [], 0, r.Timers, [], []));
    }

    private static string Ratio(double? v) => v is { } x ? x.ToString("0.0000", CultureInfo.InvariantCulture) : "-";

    private static string S(double? v) => v is { } x ? x.ToString("0.######", CultureInfo.InvariantCulture) : "-";
}
