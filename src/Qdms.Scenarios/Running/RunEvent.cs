namespace Qdms.Scenarios.Running;

/// <summary>
/// One log event. <see cref="Micros"/> is the time since the run started, in microseconds. <see cref="Data"/> holds the bytes
/// of Tx, Rx and Frame events.
/// </summary>
public sealed record RunEvent(long Sequence, long Micros, RunEventKind Kind, string? Step, byte[]? Data, string? Text);
