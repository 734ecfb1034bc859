using Qdms.Scenarios.Matching;

namespace Qdms.Scenarios.Format;

/// <summary>
/// One step: optionally send, optionally wait for one of the expected answers within <see cref="Timeout"/> (the paper's Delay),
/// optionally pause. A step that both sends and expects is a transaction and counts in the service success ratio.
/// </summary>
/// <param name="Repeat">How many times the step runs in a row.</param>
/// <param name="ForEach">Values the step runs once each for, in order (a FIFO command list), bound to <see cref="ForEachVariable"/>.</param>
/// <param name="Strict">When set, a frame that matches nothing ends the step as unexpected instead of being counted and skipped.</param>
/// <param name="Set">Variables (templates) set when the step passes.</param>
/// <param name="Checks">Comparisons over variables that must hold after the answer, or the step fails.</param>
public sealed record StepSpec(
    string Id,
    int Index,
    PayloadSpec? Send,
    IReadOnlyList<ExpectAlternative> Expect,
    IReadOnlyList<FrameMatcher> FailOn,
    TimeSpan Timeout,
    OnFailPolicy OnFail,
    int Repeat,
    TimeSpan Pause,
    IReadOnlyList<string>? ForEach,
    string ForEachVariable,
    bool Strict,
    IReadOnlyDictionary<string, string> Set,
    IReadOnlyList<Comparison> Checks,
    string? StartTimer,
    string? StopTimer,
    SourcePosition Position)
{
    /// <summary>Whether this step is a transaction (a request and an expected answer).</summary>
    public bool IsTransaction => Send is not null && Expect.Count > 0;
}
