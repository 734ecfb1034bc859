using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Qdms.Protocols.Snmp.Messages;
using Qdms.Protocols.Snmp.Security;

namespace Qdms.Protocols.Snmp.Client;

/// <summary>
/// An async SNMP manager for any number of agents over ONE UDP socket (dual-mode IPv6, so IPv4 agents too):
/// requests in flight are matched to answers by request-id (msgID in v3) AND source endpoint (RFC 3416 §4.1,
/// RFC 3412 §7.2.10); each attempt waits the target's timeout and a retry re-sends the same request-id, so a late
/// answer to an earlier attempt still completes the request. At most <see cref="SnmpManagerOptions.MaxRequestsInFlight"/>
/// requests wait at once; more wait for a slot. Datagrams that are malformed or answer nothing in flight are counted
/// and dropped.
/// </summary>
public sealed partial class SnmpManager : IAsyncDisposable
{
    private const int ReceiveBufferSize = 65_536;

    private readonly Socket _socket;
    private readonly SnmpManagerOptions _options;
    private readonly ConcurrentDictionary<int, PendingRequest> _pending = new();
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiveLoop;
    private int _nextRequestId = Random.Shared.Next(1, int.MaxValue / 2);
    private long _malformed;
    private long _unmatched;

    /// <summary>Binds the socket; throws <see cref="ArgumentOutOfRangeException"/> naming a bad option.</summary>
    public SnmpManager(SnmpManagerOptions? options = null)
    {
        _options = options ?? new SnmpManagerOptions();
        _options.Validate();
        var local = _options.LocalEndPoint ?? new IPEndPoint(IPAddress.IPv6Any, 0);
        _socket = new Socket(local.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        if (local.AddressFamily == AddressFamily.InterNetworkV6 && local.Address.Equals(IPAddress.IPv6Any))
            _socket.DualMode = true;
        _socket.ReceiveBufferSize = 4 * 1024 * 1024; // a burst of thousands of answers must not overflow the kernel queue
        _socket.SendBufferSize = 1024 * 1024;
        _socket.Bind(local);
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        _slots = new SemaphoreSlim(_options.MaxRequestsInFlight, _options.MaxRequestsInFlight);
        _receiveLoop = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>The bound local address and port.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Datagrams dropped because they did not decode.</summary>
    public long MalformedDatagrams => Interlocked.Read(ref _malformed);

    /// <summary>Well-formed datagrams dropped because they answered no request in flight (unknown id, wrong source, late).</summary>
    public long UnmatchedDatagrams => Interlocked.Read(ref _unmatched);

    /// <summary>How many requests wait for an answer now.</summary>
    public int RequestsInFlight => _pending.Count;

    /// <summary>Sends one request and waits for a response without an error; throws on timeout, security or error-status.</summary>
    internal async Task<SnmpPdu> RequestAsync(SnmpTarget target, Func<int, SnmpPdu> build, CancellationToken cancellationToken)
    {
        var response = await ExchangeAsync(target, build, cancellationToken);
        if (response.ErrorStatus != SnmpErrorStatus.NoError)
            throw ErrorFrom(response);
        return response;
    }

    private static SnmpErrorException ErrorFrom(SnmpPdu response) => new(response.ErrorStatus, response.ErrorIndex,
        response.ErrorIndex >= 1 && response.ErrorIndex <= response.VarBinds.Count ? response.VarBinds[response.ErrorIndex - 1].Oid : null);

    private async Task<SnmpPdu> ExchangeAsync(SnmpTarget target, Func<int, SnmpPdu> build, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_stop.IsCancellationRequested, this);
        ArgumentNullException.ThrowIfNull(target);
        target.Validate();
        if (target.Version == SnmpVersion.V3)
            return await ExchangeV3Async(target, build, cancellationToken);
        var community = System.Text.Encoding.UTF8.GetBytes(target.Community!);
        return (await SendAsync(target, community, null, id => new SnmpMessage(target.Version, community, build(id)).ToArray(), cancellationToken)).Pdu;
    }

    /// <summary>Takes a slot and a request-id, sends the datagram <paramref name="encode"/> builds for it, retries, and waits.</summary>
    private async Task<SnmpReply> SendAsync(SnmpTarget target, byte[]? community, UsmLocalizedKeys? keys, Func<int, byte[]> encode,
        CancellationToken cancellationToken)
    {
        var endPoint = Normalize(target.EndPoint);
        await _slots.WaitAsync(cancellationToken);
        var pending = new PendingRequest(endPoint, target, community, keys);
        var requestId = Register(pending);
        try
        {
            var datagram = encode(requestId);
            var timeout = target.Timeout ?? _options.Timeout;
            var attempts = (target.Retries ?? _options.Retries) + 1;
            for (var attempt = 1; attempt <= attempts; attempt++)
            {
                await _socket.SendToAsync(datagram, SocketFlags.None, endPoint, cancellationToken);
                try
                {
                    return await pending.Completion.Task.WaitAsync(timeout, cancellationToken);
                }
                catch (TimeoutException)
                {
                }
            }
            if (pending.LastFailure is { } failure)
                throw new SnmpAuthenticationException(failure, target.EndPoint, target.User?.Name ?? "");
            throw new SnmpTimeoutException(target.EndPoint, attempts, timeout, target.Version != SnmpVersion.V3);
        }
        finally
        {
            _pending.TryRemove(requestId, out _);
            _slots.Release();
        }
    }

    private int Register(PendingRequest pending)
    {
        while (true)
        {
            var id = Interlocked.Increment(ref _nextRequestId) & int.MaxValue;
            if (id != 0 && _pending.TryAdd(id, pending))
                return id;
        }
    }

    private static IPEndPoint Normalize(IPEndPoint endPoint) =>
        endPoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port) : endPoint;

    private async Task ReceiveLoopAsync()
    {
        var buffer = GC.AllocateUninitializedArray<byte>(ReceiveBufferSize, pinned: true);
        EndPoint any = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                continue; // an ICMP error for an earlier datagram; the request's timeout reports it
            }
            try
            {
                Dispatch(buffer.AsSpan(0, received.ReceivedBytes), Normalize((IPEndPoint)received.RemoteEndPoint));
            }
#pragma warning disable CA1031 // nothing a datagram carries may stop the receive loop (e.g. a key the cipher refuses)
            catch (Exception)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref _malformed);
            }
        }
    }

    private void Dispatch(ReadOnlySpan<byte> datagram, IPEndPoint source)
    {
        if (!SnmpMessage.TryPeekVersion(datagram, out var version))
        {
            Interlocked.Increment(ref _malformed);
            return;
        }
        if (version == SnmpVersion.V3)
        {
            DispatchV3(datagram, source);
            return;
        }
        if (!SnmpMessage.TryRead(datagram, out var message, out _))
        {
            Interlocked.Increment(ref _malformed);
            return;
        }
        if (message.Pdu is SnmpPdu { Type: SnmpPduType.Response } response &&
            _pending.TryGetValue(response.RequestId, out var pending) &&
            pending.EndPoint.Equals(source) && pending.Target.Version == message.Version &&
            message.Community.Span.SequenceEqual(pending.Community) &&
            pending.Completion.TrySetResult(new SnmpReply(response)))
            return;
        Interlocked.Increment(ref _unmatched);
    }

    /// <summary>Stops the receive loop and closes the socket; requests in flight fail with <see cref="ObjectDisposedException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
            return;
        await _stop.CancelAsync();
        _socket.Dispose();
        await _receiveLoop;
        foreach (var pending in _pending.Values)
            pending.Completion.TrySetException(new ObjectDisposedException(nameof(SnmpManager)));
        _stop.Dispose();
    }
}
