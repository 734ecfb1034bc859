namespace Qdms.Scenarios.Format;

/// <summary>When <see cref="Counter"/> goes above <see cref="Max"/>: send <see cref="Send"/> (e.g. a NAK) and, if <see cref="Stop"/>, end the run.</summary>
public sealed record LimitSpec(string Counter, int Max, PayloadSpec? Send, bool Stop, SourcePosition Position);
