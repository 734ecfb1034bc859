using Qdms.Scenarios.Kpis;

namespace Qdms.Scenarios.Running;

/// <summary>Everything a run produced besides its log.</summary>
/// <param name="FlaggedFrames">Ordinals (from 1) of the received frames flagged as bad packets.</param>
/// <param name="ReceiveBuffer">The newest decoded frames (the MDT receive buffer).</param>
/// <param name="Timers">Named timers: every measured span, in µs.</param>
public sealed record RunResult(
    string Scenario,
    RunStatus Status,
    RunVerdict Verdict,
    string? Message,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    IReadOnlyList<StepResult> Steps,
    KpiReport Kpis,
    IReadOnlyList<ThresholdResult> Thresholds,
    IReadOnlyDictionary<string, IReadOnlyList<long>> Timers,
    IReadOnlyDictionary<string, string> Variables,
    IReadOnlySet<long> FlaggedFrames,
    IReadOnlyList<ReceivedFrame> ReceiveBuffer);
