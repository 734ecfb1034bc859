using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Qdms.Scenarios.Simulator;

/// <summary>Simulated terminals on a loopback TCP port: each connection gets its own <see cref="TerminalSimulator"/>.</summary>
public sealed class TcpSimulatorHost : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<SimulatorOptions> _options;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<TerminalSimulator> _sessions = new();
    private readonly ConcurrentBag<Socket> _sockets = [];
    private readonly Task _accept;

    /// <summary>Listens on 127.0.0.1 at an ephemeral port.</summary>
    public TcpSimulatorHost(Func<SimulatorOptions> options)
    {
        _options = options;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start(512);
        _accept = AcceptAsync();
    }

    /// <summary>The port.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The sessions so far, in accept order.</summary>
    public IReadOnlyList<TerminalSimulator> Sessions => _sessions.ToList();

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                socket.NoDelay = true;
                _sockets.Add(socket);
                var sim = new TerminalSimulator(_options());
                _sessions.Enqueue(sim);
                _ = Task.Run(() => sim.ServeAsync(
                    (m, ct) => socket.ReceiveAsync(m, SocketFlags.None, ct),
                    async (d, ct) => await socket.SendAsync(d, SocketFlags.None, ct),
                    _stop.Token).ContinueWith(_ => socket.Dispose(), TaskScheduler.Default));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var s in _sockets)
        {
            s.Dispose();
        }

        await _accept;
        _stop.Dispose();
    }
}
