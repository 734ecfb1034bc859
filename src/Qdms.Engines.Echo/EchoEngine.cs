using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Qdms.Core.Engines;

namespace Qdms.Engines.Echo;

/// <summary>One echo server: a listener, an accept loop, and one copy loop per connection. Started once, stopped once.</summary>
internal sealed class EchoEngine(EchoConfig config) : IDmEngine
{
    /// <summary>Bounds the memory one connection holds.</summary>
    private const int BufferSize = 16 * 1024;

    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<long, TcpClient> _connections = new();
    private TcpListener? _listener;
    private Task _acceptLoop = Task.CompletedTask;
    private long _connectionsAccepted;
    private long _bytesEchoed;
    private long _nextConnectionId;
    private volatile string? _failure;
    private volatile bool _running;

    public EngineStatus Status
    {
        get
        {
            var details = new Dictionary<string, string>
            {
                ["connections"] = Interlocked.Read(ref _connectionsAccepted).ToString(CultureInfo.InvariantCulture),
                ["openConnections"] = _connections.Count.ToString(CultureInfo.InvariantCulture),
                ["bytesEchoed"] = Interlocked.Read(ref _bytesEchoed).ToString(CultureInfo.InvariantCulture),
            };
            if (_listener?.LocalEndpoint is IPEndPoint bound && _running)
            {
                details["listen"] = bound.ToString();
                details["boundPort"] = bound.Port.ToString(CultureInfo.InvariantCulture);
            }

            var state = _failure is not null ? EngineState.Failed : _running ? EngineState.Active : EngineState.Inactive;
            return new EngineStatus(state, details, _failure);
        }
    }

    public Task StartAsync(CancellationToken ct)
    {
        var listener = new TcpListener(config.Host, config.Port);
        try
        {
            listener.Start();
        }
        catch (SocketException e)
        {
            listener.Dispose();
            throw new InvalidOperationException($"Cannot listen on {config.Host}:{config.Port}: {e.Message} ({e.SocketErrorCode}).", e);
        }

        _listener = listener;
        _running = true;
        _acceptLoop = AcceptLoopAsync(listener, _stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken ct)
    {
        _running = false;
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
        }

        _listener?.Stop();
        foreach (var connection in _connections.Values)
        {
            connection.Dispose();
        }

        await _acceptLoop.WaitAsync(ct);
    }

    private async Task AcceptLoopAsync(TcpListener listener, CancellationToken stopping)
    {
        var serving = new List<Task>();
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stopping);
                Interlocked.Increment(ref _connectionsAccepted);
                var id = Interlocked.Increment(ref _nextConnectionId);
                _connections[id] = client;
                serving.RemoveAll(t => t.IsCompleted);
                serving.Add(ServeAsync(id, client, stopping));
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException) when (stopping.IsCancellationRequested)
        {
        }
        catch (SocketException e) when (!stopping.IsCancellationRequested)
        {
            _failure = $"The listener on {config.Host}:{config.Port} broke: {e.Message}";
            _running = false;
        }

        await Task.WhenAll(serving);
    }

    private async Task ServeAsync(long id, TcpClient client, CancellationToken stopping)
    {
        var buffer = new byte[BufferSize];
        try
        {
            var stream = client.GetStream();
            int read;
            while ((read = await stream.ReadAsync(buffer, stopping)) > 0)
            {
                await stream.WriteAsync(buffer.AsMemory(0, read), stopping);
                Interlocked.Add(ref _bytesEchoed, read);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // the peer went away or the engine is stopping: this connection ends, the others go on
        }
        finally
        {
            _connections.TryRemove(id, out _);
            client.Dispose();
        }
    }
}
