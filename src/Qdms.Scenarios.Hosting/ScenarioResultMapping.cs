using Qdms.Contracts;
using Qdms.Scenarios.Kpis;
using Qdms.Scenarios.Running;

namespace Qdms.Scenarios.Hosting;

/// <summary>A runner result in its stored and served JSON shape.</summary>
public static class ScenarioResultMapping
{
    /// <summary>Step results kept per run; the rest are counted in <c>stepsOmitted</c>.</summary>
    public const int MaxSteps = 10_000;

    /// <summary>Receive-buffer frames kept per run (the newest).</summary>
    public const int MaxFrames = 200;

    public static ScenarioRunResultDto ToDto(this RunResult r) => new(
        Name(r.Status),
        r.Verdict.ToString().ToLowerInvariant(),
        r.Message,
        r.Duration.TotalSeconds,
        r.Kpis.ToDto(),
        r.Thresholds.Select(t => new ScenarioThresholdDto(t.Threshold.Text, t.Actual, t.Passed)).ToList(),
        r.Steps.Take(MaxSteps).Select(s => new ScenarioStepResultDto(s.StepId, s.Iteration, s.Attempt, s.Retry, s.Item, s.Status.ToString().ToLowerInvariant(),
            s.ResponseMicros, s.Matched, s.Message)).ToList(),
        Math.Max(0, r.Steps.Count - MaxSteps),
        r.Timers,
        r.FlaggedFrames.Order().ToList(),
        r.ReceiveBuffer.TakeLast(MaxFrames).Select(f => new ScenarioReceivedFrameDto(f.Ordinal, f.Micros, Convert.ToHexString(f.Data), f.Fields)).ToList());

    public static ScenarioKpisDto ToDto(this KpiReport k) => new(
        k.Attempts, k.Served, k.Ssr, k.SsrInterval.Low, k.SsrInterval.High, k.Timeouts, k.Failures, k.Retries, k.Unexpected, k.FramesReceived, k.BadPackets,
        k.ResponseCount, k.P50, k.P90, k.P95, k.P99, k.Mean, k.Min, k.Max, k.Counters);

    /// <summary>The wire name of a run status: completed, aborted, limit-reached, stopped, error.</summary>
    public static string Name(RunStatus s) => s switch
    {
        RunStatus.Completed => "completed",
        RunStatus.Aborted => "aborted",
        RunStatus.LimitReached => "limit-reached",
        RunStatus.Stopped => "stopped",
        _ => "error",
    };
}
