using Qdms.Scenarios.Simulator;

namespace Qdms.Scenarios.Tests;

/// <summary>A simulated terminal behind a pty pair or a loopback TCP port, with the transport block a scenario needs to reach it.</summary>
internal sealed class SimulatedLine : IAsyncDisposable
{
    private readonly PtySimulatorHost? _pty;
    private readonly TcpSimulatorHost? _tcp;

    private SimulatedLine(PtySimulatorHost? pty, TcpSimulatorHost? tcp)
    {
        _pty = pty;
        _tcp = tcp;
    }

    public static SimulatedLine Start(string kind, SimulatorOptions? options = null) => kind switch
    {
        "pty" => new SimulatedLine(new PtySimulatorHost(options ?? new SimulatorOptions()), null),
        "tcp" => new SimulatedLine(null, new TcpSimulatorHost(() => options ?? new SimulatorOptions())),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public PtySimulatorHost Pty => _pty ?? throw new InvalidOperationException("not a pty line");

    /// <summary>The terminal that served the run (for TCP, the only connection's).</summary>
    public TerminalSimulator Simulator => _pty?.Simulator ?? _tcp!.Sessions.Single();

    /// <summary>How many commands the terminal received (0 before anyone connected).</summary>
    public int CommandCount => _pty is not null ? _pty.Simulator.Commands.Count : _tcp!.Sessions.Sum(s => s.Commands.Count);

    public string TransportYaml => _pty is not null
        ? $"transport: {{ kind: serial, device: {_pty.DevicePath}, baud: 115200 }}"
        : $"transport: {{ kind: tcp, host: 127.0.0.1, port: {_tcp!.Port} }}";

    /// <summary>A full scenario: header, this line's transport, CR LF framing, then <paramref name="body"/>.</summary>
    public string Scenario(string body, string extraHeader = "") =>
        $"version: 1\nname: test\n{TransportYaml}\nframing: {{ kind: delimiter, delimiter: \"\\r\\n\" }}\n{extraHeader}{body}";

    public async ValueTask DisposeAsync()
    {
        if (_pty is not null)
        {
            await _pty.DisposeAsync();
        }

        if (_tcp is not null)
        {
            await _tcp.DisposeAsync();
        }
    }
}
