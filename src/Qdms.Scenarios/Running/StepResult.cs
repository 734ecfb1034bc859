namespace Qdms.Scenarios.Running;

/// <summary>One execution of a step.</summary>
/// <param name="Attempt">1-based repetition (repeat) within the step.</param>
/// <param name="Retry">0 for the first try, then 1, 2 … for on_fail retries.</param>
/// <param name="Item">The foreach value, if any.</param>
/// <param name="ResponseMicros">From the end of the write to the answer's arrival, in µs; null without an answer.</param>
/// <param name="Matched">What the answer matched, for people.</param>
public sealed record StepResult(
    string StepId,
    int StepIndex,
    int Iteration,
    int Attempt,
    int Retry,
    string? Item,
    StepStatus Status,
    long? ResponseMicros,
    string? Matched,
    string? Message,
    long StartedMicros);
