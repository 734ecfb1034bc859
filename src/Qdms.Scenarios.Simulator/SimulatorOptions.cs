namespace Qdms.Scenarios.Simulator;

/// <summary>How the simulated terminal behaves.</summary>
public sealed record SimulatorOptions
{
    /// <summary>Append <c>*HH</c> (XOR-8 of the line, upper-case hex) to every answer, as NMEA does.</summary>
    public bool Checksums { get; init; }

    /// <summary>Which answers get which fault.</summary>
    public FaultPlan Faults { get; init; } = FaultPlan.None;

    /// <summary>The CPU load the terminal reports (%).</summary>
    public int CpuLoad { get; init; } = 37;

    /// <summary>Whether the graphics memory check finds an error.</summary>
    public bool GraphicsFault { get; init; }
}
