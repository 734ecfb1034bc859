using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Qdms.Qos.Probing;

/// <summary>
/// ICMP echo over one socket shared by every probe of the process: a raw socket when privileged (CAP_NET_RAW), else an
/// unprivileged datagram ICMP socket (Linux, when <c>net.ipv4.ping_group_range</c> admits the process's group). A dedicated
/// thread receives replies and matches them to waiting probes by sequence number (and identifier on a raw socket) and source
/// address; one sweeper expires probes past their deadline. So thousands of probes can be in flight with no thread, socket or
/// timer each. IPv4 only.
/// </summary>
public sealed class IcmpPinger : IRttProbe, IDisposable
{
    private const int DataLength = 16;
    private const int SolSocket = 1;
    private const int SoRcvBufForce = 33;
    private const int SolRaw = 255;
    private const int IcmpFilter = 1;
    private static readonly TimeSpan SweepPeriod = TimeSpan.FromMilliseconds(5);

    private readonly Socket _socket;
    private readonly bool _raw;
    private readonly ushort _identifier;
    private readonly ConcurrentDictionary<ushort, Pending> _pending = new();
    private readonly PriorityQueue<Pending, long> _deadlines = new();
    private readonly Lock _deadlinesLock = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _receiver;
    private readonly Task _sweeper;
    private int _sequence;
    private long _sendFailures;

    private IcmpPinger(Socket socket, bool raw)
    {
        _socket = socket;
        _raw = raw;
        _identifier = (ushort)Random.Shared.Next(1, 65536);
        _receiver = new Thread(ReceiveLoop) { IsBackground = true, Name = "qos-icmp-receive" };
        _receiver.Start();
        _sweeper = SweepAsync();
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
            Socket? socket = null;
            try
            {
                socket = new Socket(AddressFamily.InterNetwork, type, ProtocolType.Icmp);
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
                socket?.Dispose();
            }
        }

        return null;
    }

    /// <summary>The round trip in microseconds, or null when no reply came in time or the request could not be sent.</summary>
    public async Task<double?> ProbeAsync(IPAddress address, TimeSpan timeout, CancellationToken ct)
    {
        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new NotSupportedException("ICMP echo probes are IPv4 only.");
        }

        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        var pending = new Pending(BinaryPrimitives.ReadUInt32BigEndian(bytes));
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

        CancellationTokenRegistration registration = default;
        try
        {
            Span<byte> packet = stackalloc byte[IcmpEcho.HeaderLength + DataLength];
            IcmpEcho.WriteRequest(packet, _identifier, sequence, DataLength);
            if (ct.CanBeCanceled)
            {
                registration = ct.UnsafeRegister(static p => ((Pending)p!).Completion.TrySetResult(null), pending);
            }

            pending.Start = Stopwatch.GetTimestamp();
            lock (_deadlinesLock)
            {
                _deadlines.Enqueue(pending, pending.Start + (long)(timeout.TotalSeconds * Stopwatch.Frequency));
            }

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
        finally
        {
            await registration.DisposeAsync();
            _pending.TryRemove(new KeyValuePair<ushort, Pending>(sequence, pending));
        }
    }

    /// <summary>
    /// A dedicated thread blocked in recvfrom: the kernel wakes it the moment a reply lands, so the receive time is not
    /// inflated by thread-pool scheduling as an async receive's continuation would be under load. No allocation per reply.
    /// </summary>
    private void ReceiveLoop()
    {
        var buffer = new byte[2048];
        var from = new SocketAddress(AddressFamily.InterNetwork);
        while (!_stop.IsCancellationRequested)
        {
            int n;
            try
            {
                n = _socket.ReceiveFrom(buffer, SocketFlags.None, from);
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
                || BinaryPrimitives.ReadUInt32BigEndian(from.Buffer.Span[4..]) != pending.Address) // sockaddr_in: family, port, address
            {
                continue;
            }

            pending.Completion.TrySetResult(at);
        }
    }

    /// <summary>Every few milliseconds, completes the probes whose deadline has passed as lost.</summary>
    private async Task SweepAsync()
    {
        using var timer = new PeriodicTimer(SweepPeriod);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var now = Stopwatch.GetTimestamp();
                while (true)
                {
                    Pending expired;
                    lock (_deadlinesLock)
                    {
                        if (!_deadlines.TryPeek(out expired!, out var deadline) || deadline > now)
                        {
                            break;
                        }

                        _deadlines.Dequeue();
                    }

                    expired.Completion.TrySetResult(null);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

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
        try
        {
            _sweeper.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
        }

        lock (_deadlinesLock)
        {
            while (_deadlines.TryDequeue(out var p, out _))
            {
                p.Completion.TrySetResult(null);
            }
        }

        _stop.Dispose();
    }

    private sealed class Pending(uint address)
    {
        public uint Address { get; } = address;

        public long Start { get; set; }

        public TaskCompletionSource<long?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
