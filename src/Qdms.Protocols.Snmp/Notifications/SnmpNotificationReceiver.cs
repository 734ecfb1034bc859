using System.Net;
using System.Net.Sockets;
using System.Text;
using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Protocols.Snmp.Notifications;

/// <summary>
/// Receives traps and informs on one UDP socket (RFC 3416 §4.2.6–7, RFC 1157 §4.1.6, RFC 3414 for v3) and hands
/// each to a callback, one at a time in arrival order. An inform is acknowledged with a Response-PDU echoing its
/// request-id and varbinds once the callback has returned; a callback that throws leaves it unacknowledged so the
/// sender retries. Anything else is dropped, counted in <see cref="RejectedDatagrams"/> and reported to
/// <see cref="SnmpReceiverOptions.OnRejected"/>.
/// </summary>
public sealed partial class SnmpNotificationReceiver : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly SnmpReceiverOptions _options;
    private readonly Func<SnmpNotification, ValueTask> _onNotification;
    private readonly HashSet<string>? _communities;
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private long _rejected;
    private long _received;

    private SnmpNotificationReceiver(Socket socket, SnmpReceiverOptions options, Func<SnmpNotification, ValueTask> onNotification)
    {
        _socket = socket;
        _options = options;
        _onNotification = onNotification;
        _communities = options.Communities is null ? null : new HashSet<string>(options.Communities, StringComparer.Ordinal);
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
        EngineId = options.EngineId ?? GenerateEngineId();
        InitialiseV3();
    }

    /// <summary>The bound address and port.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Our snmpEngineID (given or generated).</summary>
    public byte[] EngineId { get; }

    /// <summary>Datagrams dropped (malformed, unknown community or user, failed security checks, not a notification).</summary>
    public long RejectedDatagrams => Interlocked.Read(ref _rejected);

    /// <summary>Notifications delivered to the callback.</summary>
    public long ReceivedNotifications => Interlocked.Read(ref _received);

    /// <summary>Binds <paramref name="bind"/> (port 0 picks a free one) and starts receiving.</summary>
    public static Task<SnmpNotificationReceiver> StartAsync(IPEndPoint bind, SnmpReceiverOptions options,
        Func<SnmpNotification, ValueTask> onNotification, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(bind);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(onNotification);
        ct.ThrowIfCancellationRequested();
        foreach (var user in options.Users)
            user.Validate();
        if (options.EngineId is { Length: < 5 or > 32 })
            throw new ArgumentException("an snmpEngineID is 5 to 32 octets (RFC 3411 §5)", nameof(options));
        var socket = new Socket(bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (bind.AddressFamily == AddressFamily.InterNetworkV6 && bind.Address.Equals(IPAddress.IPv6Any))
                socket.DualMode = true;
            socket.Bind(bind);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        var receiver = new SnmpNotificationReceiver(socket, options, onNotification);
        receiver._loop = Task.Run(receiver.LoopAsync, CancellationToken.None);
        return Task.FromResult(receiver);
    }

    // RFC 3411 §5 SnmpEngineID, format 5 (octets): enterprise 8072 (net-snmp's, with the high bit set) then random octets.
    private static byte[] GenerateEngineId()
    {
        var id = new byte[17];
        id[0] = 0x80;
        id[1] = 0x00;
        id[2] = 0x1F;
        id[3] = 0x88;
        id[4] = 0x05;
        Random.Shared.NextBytes(id.AsSpan(5));
        return id;
    }

    private async Task LoopAsync()
    {
        var buffer = GC.AllocateUninitializedArray<byte>(65_536, pinned: true);
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
                continue;
            }
            var source = (IPEndPoint)received.RemoteEndPoint;
            if (source.Address.IsIPv4MappedToIPv6)
                source = new IPEndPoint(source.Address.MapToIPv4(), source.Port);
            var datagram = buffer.AsMemory(0, received.ReceivedBytes);
            try
            {
                await HandleAsync(datagram, source);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a failing callback must not stop the receiver: it is reported and the inform stays unacknowledged
            catch (Exception e)
#pragma warning restore CA1031
            {
                Reject(source, $"the notification handler failed: {e.GetType().Name}: {e.Message}");
            }
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> datagram, IPEndPoint source)
    {
        if (!SnmpMessage.TryPeekVersion(datagram.Span, out var version))
        {
            Reject(source, "not an SNMP message");
            return;
        }
        if (version == SnmpVersion.V3)
        {
            await HandleV3Async(datagram, source);
            return;
        }
        if (!SnmpMessage.TryRead(datagram.Span, out var message, out var error))
        {
            Reject(source, error);
            return;
        }
        var community = Encoding.UTF8.GetString(message.Community.Span);
        if (_communities is not null && !_communities.Contains(community))
        {
            Reject(source, $"unknown community in a {version} {message.Pdu.Type}");
            return;
        }
        if (message.Pdu is TrapV1Pdu trap)
        {
            await DeliverAsync(new SnmpNotification(source, version, false, community, null, null,
                SnmpNotification.TranslateV1(trap.Enterprise, trap.Generic, trap.Specific), trap.TimeStamp, trap.VarBinds,
                trap.Enterprise, new IPAddress(trap.AgentAddress.Span), trap.Generic, trap.Specific));
            return;
        }
        var pdu = (SnmpPdu)message.Pdu;
        if (!TryNotification(pdu, source, version, out var notification, out var why))
        {
            Reject(source, why);
            return;
        }
        await DeliverAsync(notification with { Community = community });
        if (pdu.Type == SnmpPduType.InformRequest)
            await SendAsync(new SnmpMessage(version, message.Community, Acknowledgement(pdu)).ToArray(), source);
    }

    /// <summary>An SNMPv2-Trap or Inform whose first varbinds are sysUpTime.0 and snmpTrapOID.0 (RFC 3416 §4.2.6).</summary>
    private static bool TryNotification(SnmpPdu pdu, IPEndPoint source, SnmpVersion version, out SnmpNotification notification, out string why)
    {
        notification = null!;
        if (pdu.Type is not (SnmpPduType.TrapV2 or SnmpPduType.InformRequest))
        {
            why = $"a {pdu.Type} is not a notification";
            return false;
        }
        var vbs = pdu.VarBinds;
        if (vbs.Count < 2 || vbs[0].Oid != SnmpNotification.SysUpTime || vbs[0].Value.Type != SnmpValueType.TimeTicks ||
            vbs[1].Oid != SnmpNotification.SnmpTrapOid || vbs[1].Value.Type != SnmpValueType.ObjectIdentifier)
        {
            why = $"a {pdu.Type} must start with sysUpTime.0 (TimeTicks) and snmpTrapOID.0 (OID)";
            return false;
        }
        notification = new SnmpNotification(source, version, pdu.Type == SnmpPduType.InformRequest, null, null, null,
            vbs[1].Value.AsOid(), vbs[0].Value.AsUInt32(), [.. vbs.Skip(2)]);
        why = "";
        return true;
    }

    // RFC 3416 §4.2.7: the Response echoes the request-id and the variable-bindings, error-status 0.
    private static SnmpPdu Acknowledgement(SnmpPdu inform) =>
        new(SnmpPduType.Response, inform.RequestId, SnmpErrorStatus.NoError, 0, inform.VarBinds);

    private async Task DeliverAsync(SnmpNotification notification)
    {
        await _onNotification(notification);
        Interlocked.Increment(ref _received);
    }

    private async Task SendAsync(byte[] datagram, IPEndPoint destination) =>
        await _socket.SendToAsync(datagram, SocketFlags.None, destination, _stop.Token);

    private void Reject(IPEndPoint source, string reason)
    {
        Interlocked.Increment(ref _rejected);
        _options.OnRejected?.Invoke(source, reason);
    }

    /// <summary>Stops receiving and closes the socket; waits for a callback in progress.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
            return;
        await _stop.CancelAsync();
        _socket.Dispose();
        await _loop;
        _stop.Dispose();
    }
}
