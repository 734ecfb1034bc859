using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Qdms.Qos.Probing;

/// <summary>
/// RTT as the time a TCP connect takes to be answered: SYN → SYN-ACK on an open port, SYN → RST on a closed one
/// (Arrowhead's method connects to a closed port on purpose). Timed with <see cref="Stopwatch"/> ticks (monotonic, sub-µs).
/// A connection that is made is reset at once (linger 0), so probes leave no TIME_WAIT behind.
/// </summary>
public sealed class TcpConnectProbe(RttMethod method, int port) : IRttProbe
{
    public RttMethod Method => method;

    public int Port => port;

    public async Task<double?> ProbeAsync(IPAddress address, TimeSpan timeout, CancellationToken ct)
    {
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.LingerState = new LingerOption(true, 0);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        var start = Stopwatch.GetTimestamp();
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, port), limit.Token);
            return Elapsed(start);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return Elapsed(start); // the RST answers as well as a SYN-ACK does
        }
        catch (SocketException)
        {
            return null; // unreachable network or host: no round trip
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
    }

    private static double Elapsed(long start) => Stopwatch.GetElapsedTime(start).Ticks / 10.0;
}
