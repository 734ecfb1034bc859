using System.Net;
using System.Net.Sockets;

namespace Qdms.Scenarios.Transports;

/// <summary>A connected UDP socket: each send is one datagram, each receive returns one.</summary>
public sealed class UdpTransport : IScenarioTransport
{
    private readonly Socket _socket;

    private UdpTransport(Socket socket) => _socket = socket;

    /// <summary>Resolves <paramref name="host"/> and connects a UDP socket to it.</summary>
    public static async Task<UdpTransport> OpenAsync(string host, int port, CancellationToken ct)
    {
        var addresses = await Dns.GetHostAddressesAsync(host, ct);
        var address = addresses.FirstOrDefault() ?? throw new IOException($"{host} has no address");
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, port), ct);
            return new UdpTransport(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask SendAsync(ReadOnlyMemory<byte> data, CancellationToken ct) => await _socket.SendAsync(data, SocketFlags.None, ct);

    /// <inheritdoc />
    public async ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return await _socket.ReceiveAsync(buffer, SocketFlags.None, ct);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
            {
                // ICMP port unreachable for an earlier datagram: the answer is simply missing; keep listening.
            }
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
