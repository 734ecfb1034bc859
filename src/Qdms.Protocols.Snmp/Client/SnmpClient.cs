using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Protocols.Snmp.Client;

/// <summary>
/// An async SNMP v1/v2c manager for one agent: a single connected UDP socket, any number of requests in flight
/// matched to responses by request-id (RFC 3416 §4.1), a per-attempt timeout and retries that re-send the same
/// request-id (so a late answer to an earlier attempt still counts).
/// </summary>
public sealed partial class SnmpClient : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly SnmpClientOptions _options;
    private readonly byte[] _community;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<SnmpPdu>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiveLoop;
    private int _nextRequestId = Random.Shared.Next(1, int.MaxValue / 2);

    /// <summary>Opens a socket towards <paramref name="target"/>; throws when <paramref name="options"/> are invalid.</summary>
    public SnmpClient(IPEndPoint target, SnmpClientOptions options)
    {
        options.Validate();
        Target = target;
        _options = options;
        _community = System.Text.Encoding.UTF8.GetBytes(options.Community);
        _socket = new Socket(target.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _socket.Connect(target);
        _receiveLoop = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>The agent.</summary>
    public IPEndPoint Target { get; }

    /// <summary>GET (RFC 3416 §4.2.1): the values of <paramref name="oids"/>; missing ones come back as noSuchObject/noSuchInstance in v2c.</summary>
    public async Task<IReadOnlyList<VarBind>> GetAsync(IEnumerable<Oid> oids, CancellationToken cancellationToken = default) =>
        (await RequestAsync(id => SnmpPdu.GetRequest(id, oids), cancellationToken)).VarBinds;

    /// <summary>GETNEXT (RFC 3416 §4.2.2): the successor of each of <paramref name="oids"/>.</summary>
    public async Task<IReadOnlyList<VarBind>> GetNextAsync(IEnumerable<Oid> oids, CancellationToken cancellationToken = default) =>
        (await RequestAsync(id => SnmpPdu.GetNextRequest(id, oids), cancellationToken)).VarBinds;

    /// <summary>GETBULK (RFC 3416 §4.2.3), v2c only.</summary>
    public async Task<IReadOnlyList<VarBind>> GetBulkAsync(int nonRepeaters, int maxRepetitions, IEnumerable<Oid> oids,
        CancellationToken cancellationToken = default)
    {
        if (_options.Version == SnmpVersion.V1)
            throw new InvalidOperationException("GETBULK does not exist in SNMPv1");
        return (await RequestAsync(id => SnmpPdu.GetBulkRequest(id, nonRepeaters, maxRepetitions, oids), cancellationToken)).VarBinds;
    }

    /// <summary>SET (RFC 3416 §4.2.5); returns the agent's echo of the bindings.</summary>
    public async Task<IReadOnlyList<VarBind>> SetAsync(IEnumerable<VarBind> varBinds, CancellationToken cancellationToken = default) =>
        (await RequestAsync(id => SnmpPdu.SetRequest(id, varBinds), cancellationToken)).VarBinds;

    /// <summary>Sends one request and waits for its response; throws <see cref="SnmpTimeoutException"/> or <see cref="SnmpErrorException"/>.</summary>
    internal async Task<SnmpPdu> RequestAsync(Func<int, SnmpPdu> build, CancellationToken cancellationToken)
    {
        var response = await ExchangeAsync(build, cancellationToken);
        if (response.ErrorStatus != SnmpErrorStatus.NoError)
            throw ErrorFrom(response);
        return response;
    }

    private static SnmpErrorException ErrorFrom(SnmpPdu response) => new(response.ErrorStatus, response.ErrorIndex,
        response.ErrorIndex >= 1 && response.ErrorIndex <= response.VarBinds.Count ? response.VarBinds[response.ErrorIndex - 1].Oid : null);

    private async Task<SnmpPdu> ExchangeAsync(Func<int, SnmpPdu> build, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_stop.IsCancellationRequested, this);
        var requestId = NextRequestId();
        var datagram = new SnmpMessage(_options.Version, _community, build(requestId)).ToArray();
        var completion = new TaskCompletionSource<SnmpPdu>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[requestId] = completion;
        try
        {
            var attempts = _options.Retries + 1;
            for (var attempt = 1; attempt <= attempts; attempt++)
            {
                await _socket.SendAsync(datagram, SocketFlags.None, cancellationToken);
                try
                {
                    return await completion.Task.WaitAsync(_options.Timeout, cancellationToken);
                }
                catch (TimeoutException)
                {
                }
            }
            throw new SnmpTimeoutException(Target, attempts, _options.Timeout);
        }
        finally
        {
            _pending.TryRemove(requestId, out _);
        }
    }

    private int NextRequestId()
    {
        var id = Interlocked.Increment(ref _nextRequestId) & int.MaxValue;
        return id == 0 ? Interlocked.Increment(ref _nextRequestId) & int.MaxValue : id;
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[65_535];
        while (!_stop.IsCancellationRequested)
        {
            int received;
            try
            {
                received = await _socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
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
                continue; // ICMP port unreachable surfaces here on a connected socket; the request's timeout reports it
            }
            // Anything that is not a well-formed response to a request in flight is dropped (RFC 3416 §4.1).
            if (SnmpMessage.TryRead(buffer.AsSpan(0, received), out var message, out _) &&
                message.Pdu is SnmpPdu { Type: SnmpPduType.Response } response &&
                _pending.TryGetValue(response.RequestId, out var completion))
                completion.TrySetResult(response);
        }
    }

    /// <summary>Stops the receive loop and closes the socket; requests in flight fail.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
            return;
        await _stop.CancelAsync();
        _socket.Dispose();
        await _receiveLoop;
        foreach (var pending in _pending.Values)
            pending.TrySetException(new ObjectDisposedException(nameof(SnmpClient)));
        _stop.Dispose();
    }
}
