namespace Qdms.Scenarios.Simulator;

/// <summary>Which answers get which fault: a function of the command number (from 1) and the command text.</summary>
public sealed class FaultPlan(Func<int, string, SimulatorFault?> choose)
{
    /// <summary>No faults.</summary>
    public static FaultPlan None { get; } = new((_, _) => null);

    /// <summary>Faults at the given command numbers.</summary>
    public static FaultPlan At(IReadOnlyDictionary<int, SimulatorFault> faults) => new((n, _) => faults.GetValueOrDefault(n));

    /// <summary>The same fault for every command starting with <paramref name="prefix"/>.</summary>
    public static FaultPlan ForCommand(string prefix, SimulatorFault fault) =>
        new((_, c) => c.StartsWith(prefix, StringComparison.Ordinal) ? fault : null);

    /// <summary>The fault (or null) for command number <paramref name="number"/>.</summary>
    public SimulatorFault? For(int number, string command) => choose(number, command);
}
