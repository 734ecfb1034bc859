namespace Qdms.Core.Qos;

/// <summary>One entry of the evaluator's log, kept for Arrowhead's <c>general/mgmt/logs</c>.</summary>
/// <param name="Level">TRACE, DEBUG, INFO, WARN, ERROR or FATAL (Arrowhead's names).</param>
public sealed record QosLogEntry(long Id, DateTimeOffset At, string Level, string Logger, string Message, string? Exception);
