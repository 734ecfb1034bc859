using System.Net.Sockets;

namespace Qdms.Scenarios.Transports;

/// <summary>A TCP client connection (Nagle off: steps are small and latency is what is measured).</summary>
public sealed class TcpClientTransport : IScenarioTransport
{
    private readonly Socket _socket;

    private TcpClientTransport(Socket socket) => _socket = socket;

    /// <summary>Connects to <paramref name="host"/>:<paramref name="port"/> within <paramref name="timeout"/>.</summary>
    public static async Task<TcpClientTransport> ConnectAsync(string host, int port, TimeSpan timeout, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(host, port, cts.Token);
            return new TcpClientTransport(socket);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            socket.Dispose();
            throw new IOException($"connect to {host}:{port} timed out after {timeout.TotalSeconds:0.###} s");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask SendAsync(ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        while (!data.IsEmpty)
        {
            var n = await _socket.SendAsync(data, SocketFlags.None, ct);
            data = data[n..];
        }
    }

    /// <inheritdoc />
    public ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken ct) => _socket.ReceiveAsync(buffer, SocketFlags.None, ct);

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
