namespace Qdms.Scenarios.Simulator;

/// <summary>A fault for one answer; <see cref="Delay"/> applies to <see cref="FaultKind.Slow"/>.</summary>
public sealed record SimulatorFault(FaultKind Kind, TimeSpan Delay = default);
