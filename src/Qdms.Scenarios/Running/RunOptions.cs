using Qdms.Scenarios.Format;
using Qdms.Scenarios.Transports;

namespace Qdms.Scenarios.Running;

/// <summary>How to run a scenario.</summary>
public sealed record RunOptions
{
    /// <summary>The step to start at (the paper's "current position"); null for the first. Later iterations start at the first step.</summary>
    public string? StartAt { get; init; }

    /// <summary>Where events go as they happen.</summary>
    public IReadOnlyList<IRunEventSink> Sinks { get; init; } = [];

    /// <summary>Pause, resume, stop and direct commands.</summary>
    public RunControl Control { get; init; } = new();

    /// <summary>Values that replace the scenario's variables.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>Points the transport elsewhere (a device's address or serial port), or null.</summary>
    public string? Target { get; init; }

    /// <summary>Opens the transport; the default is <see cref="TransportFactory.OpenAsync"/>.</summary>
    public Func<TransportSpec, CancellationToken, ValueTask<IScenarioTransport>>? OpenTransport { get; init; }

    /// <summary>How many decoded frames the receive buffer keeps (the newest).</summary>
    public int ReceiveBufferSize { get; init; } = 1000;

    /// <summary>How long a direct command waits for its answer.</summary>
    public TimeSpan DirectCommandTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How many step executions one iteration may make before it is cut off (guards goto loops).</summary>
    public int MaxStepExecutionsPerIteration { get; init; } = 1_000_000;
}
