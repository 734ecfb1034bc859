namespace Qdms.Scenarios.Simulator;

/// <summary>Faults the simulator injects into an answer.</summary>
public enum FaultKind
{
    /// <summary>The answer's checksum is wrong (a bad packet).</summary>
    BadChecksum,

    /// <summary>Only the first half of the answer is sent, then the terminator (a bad packet).</summary>
    Truncate,

    /// <summary>A line of stray bytes comes before the answer (a bad packet, then the good answer).</summary>
    StrayBytes,

    /// <summary>The answer is <c>BUSY</c>.</summary>
    Busy,

    /// <summary>No answer.</summary>
    Silence,

    /// <summary>The answer comes after a delay.</summary>
    Slow,
}
