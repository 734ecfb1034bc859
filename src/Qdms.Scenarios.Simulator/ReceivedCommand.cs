namespace Qdms.Scenarios.Simulator;

/// <summary>A command the simulator received, numbered from 1, and the fault it answered with.</summary>
public sealed record ReceivedCommand(int Number, string Text, FaultKind? Fault);
