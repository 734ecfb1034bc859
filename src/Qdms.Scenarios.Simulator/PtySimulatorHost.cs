using Qdms.Scenarios.Posix;

namespace Qdms.Scenarios.Simulator;

/// <summary>A simulated terminal on the master side of an in-process pty pair; scenarios open <see cref="DevicePath"/> as a serial port.</summary>
public sealed class PtySimulatorHost : IAsyncDisposable
{
    private readonly PtyPair _pty;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serve;

    /// <summary>Opens a pty pair and starts serving.</summary>
    public PtySimulatorHost(SimulatorOptions options)
    {
        _pty = PtyPair.Open();
        Simulator = new TerminalSimulator(options);
        _serve = Task.Run(() => Simulator.ServeAsync(_pty.Master.ReadAsync, _pty.Master.WriteAsync, _stop.Token));
    }

    /// <summary>The slave device path (<c>/dev/pts/N</c>).</summary>
    public string DevicePath => _pty.SlavePath;

    /// <summary>The terminal.</summary>
    public TerminalSimulator Simulator { get; }

    /// <summary>The line settings the slave has now.</summary>
    public SerialSettings SlaveSettings => _pty.ReadSlaveSettings();

    /// <summary>Sends an unsolicited line to the runner.</summary>
    public Task SendUnsolicitedAsync(string text) => Simulator.SendUnsolicitedAsync(text, _pty.Master.WriteAsync, _stop.Token);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _serve.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException or ObjectDisposedException)
        {
        }

        _pty.Dispose();
        _stop.Dispose();
    }
}
