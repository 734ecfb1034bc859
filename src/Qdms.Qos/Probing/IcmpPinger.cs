using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Qdms.Qos.Probing;

/// <summary>
/// ICMP echo over one socket shared by every probe of the process: a raw socket when privileged (CAP_NET_RAW), else an
/// unprivileged datagram ICMP socket (Linux, when <c>net.ipv4.ping_group_range</c> admits the process's group). One receive
/// loop matches replies to waiting probes by sequence number (and identifier on a raw socket) and source address, so
/// thousands of probes can be in flight without a thread or socket each. IPv4 only.
/// </summary>
public sealed class IcmpPinger : IRttProbe, IDisposable
{
    private const int DataLength = 16;
    private readonly Socket _socket;
    private readonly bool _raw;
    private readonly ushort _identifier;
    private readonly ConcurrentDictionary<ushort, Pending> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _receiver;
    private int _sequence;
    private long _sendFailures;

    private IcmpPinger(Socket socket, bool raw)
    {
        _socket = socket;
        _raw = raw;
        _identifier = (ushort)Random.Shared.Next(1, 65536);
        _receiver = new Thread(ReceiveLoop) { IsBackground = true, Name = "qos-icmp-receive" };
        _receiver.Start();
    }

    public RttMethod Method => RttMethod.Icmp;

    /// <summary>Requests the kernel refused to send (no route, buffer full).</summary>
    public long SendFailures => Interlocked.Read(ref _sendFailures);

    /// <summary>The error of the last refused send.</summary>
    public SocketError? LastSendError { get; private set; }

    /// <summary>True on a raw socket, false on a datagram ICMP socket.</summary>
    public bool IsRaw => _raw;

    /// <summary>A pinger on a raw ICMP socket, else a datagram one; null when the process may open neither.</summary>
    public static IcmpPinger? TryOpen()
    {
        foreach (var (type, raw) in new[] { (SocketType.Raw, true), (SocketType.Dgram, false) })
        {
            try
            {
                var socket = new Socket(AddressFamily.InterNetwork, type, ProtocolType.Icmp);
                socket.ReceiveBufferSize = 4 * 1024 * 1024; // capped by net.core.rmem_max …
                TrySetRawOption(socket, SolSocket, SoRcvBufForce, 4 * 1024 * 1024); // … unless privileged
                if (raw)
                {
                    // A raw ICMP socket sees every ICMP packet of the host, our own looped-back requests too: let only echo replies in.
                    TrySetRawOption(socket, SolRaw, IcmpFilter, ~(1 << IcmpEcho.EchoReply));
                }

                socket.Bind(new IPEndPoint(IPAddress.Any, 0)); // receiving needs a bound socket
                socket.ReceiveTimeout = 1000; // the receive thread looks at the stop flag at least once a second
                return new IcmpPinger(socket, raw);
            }
            catch (SocketException)
            {
            }
        }

        return null;
    }

    private const int SolSocket = 1;
    private const int SoRcvBufForce = 33;
    private const int SolRaw = 255;
    private const int IcmpFilter = 1;

    private static void TrySetRawOption(Socket socket, int level, int name, int value)
    {
        try
        {
            socket.SetRawSocketOption(level, name, BitConverter.GetBytes(value));
        }
        catch (SocketException)
        {
            // not permitted or not Linux: the defaults still work, with more traffic to sort or a smaller buffer
        }
    }

    /// <summary>The round trip in microseconds, or null when no reply came in time or the request could not be sent.</summary>
    public async Task<double?> ProbeAsync(IPAddress address, TimeSpan timeout, CancellationToken ct)
    {
        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new NotSupportedException("ICMP echo probes are IPv4 only.");
        }

        var pending = new Pending(address);
        ushort sequence;
        var tries = 0;
        do
        {
            sequence = (ushort)Interlocked.Increment(ref _sequence);
            if (++tries > 65536)
            {
                return null; // every sequence number is in flight
            }
        }
        while (!_pending.TryAdd(sequence, pending));

        var packet = new byte[IcmpEcho.HeaderLength + DataLength];
        IcmpEcho.WriteRequest(packet, _identifier, sequence, DataLength);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        await using var registration = limit.Token.Register(static p => ((Pending)p!).Completion.TrySetResult(null), pending);
        try
        {
            pending.Start = Stopwatch.GetTimestamp();
            _socket.SendTo(packet, SocketFlags.None, new IPEndPoint(address, 0)); // a raw/datagram ICMP send does not block
            var received = await pending.Completion.Task;
            ct.ThrowIfCancellationRequested();
            return received is { } at ? Stopwatch.GetElapsedTime(pending.Start, at).Ticks / 10.0 : null;
        }
        catch (SocketException e)
        {
            Interlocked.Increment(ref _sendFailures);
            LastSendError = e.SocketErrorCode;
            return null; // no route, host unreachable: the probe is lost
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
        finally
        {
            _pending.TryRemove(new KeyValuePair<ushort, Pending>(sequence, pending));
        }
    }

    /// <summary>
    /// A dedicated thread blocked in recvfrom: the kernel wakes it the moment a reply lands, so the receive time is not
    /// inflated by thread-pool scheduling as an async receive's continuation would be under load.
    /// </summary>
    private void ReceiveLoop()
    {
        var buffer = new byte[2048];
        while (!_stop.IsCancellationRequested)
        {
            EndPoint from = new IPEndPoint(IPAddress.Any, 0);
            int n;
            try
            {
                n = _socket.ReceiveFrom(buffer, ref from);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            var at = Stopwatch.GetTimestamp();
            if (!IcmpEcho.TryReadReply(buffer.AsSpan(0, n), _raw, out var identifier, out var sequence)
                || (_raw && identifier != _identifier)
                || !_pending.TryGetValue(sequence, out var pending)
                || !((IPEndPoint)from).Address.Equals(pending.Address))
            {
                continue;
            }

            pending.Completion.TrySetResult(at);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _socket.Shutdown(SocketShutdown.Both); // wakes the blocked receive (Linux does so even when it answers ENOTCONN)
        }
        catch (SocketException)
        {
        }

        _socket.Dispose();
        _receiver.Join(TimeSpan.FromSeconds(2));
        _stop.Dispose();
    }

    private sealed class Pending(IPAddress address)
    {
        public IPAddress Address { get; } = address;

        public long Start { get; set; }

        public TaskCompletionSource<long?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
