namespace Qdms.Scenarios.Simulator;

/// <summary>A frame the simulator sent (ground truth): its ordinal on the connection (from 1), text, and whether it is bad on purpose.</summary>
public sealed record SentFrame(long Ordinal, string Text, bool IsBad, int CommandNumber, FaultKind? Fault);
