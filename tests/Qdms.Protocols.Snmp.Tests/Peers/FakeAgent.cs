using System.Net;
using System.Net.Sockets;
using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Protocols.Snmp.Tests.Peers;

/// <summary>
/// A scripted agent on a loopback port for failure paths a real agent will not produce: for each request it sends
/// whatever datagrams <c>answer</c> returns (none, garbage, or crafted responses).
/// </summary>
public sealed class FakeAgent : IAsyncDisposable
{
    private readonly UdpClient _udp = new(new IPEndPoint(IPAddress.Loopback, 0)) { Client = { ReceiveBufferSize = 4 * 1024 * 1024 } };
    private readonly Func<SnmpMessage, IEnumerable<byte[]>> _answer;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _requests;

    public FakeAgent(Func<SnmpMessage, IEnumerable<byte[]>> answer)
    {
        _answer = answer;
        _loop = Task.Run(LoopAsync);
    }

    public IPEndPoint EndPoint => (IPEndPoint)_udp.Client.LocalEndPoint!;

    /// <summary>How many well-formed requests arrived.</summary>
    public int Requests => Volatile.Read(ref _requests);

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            UdpReceiveResult received;
            try
            {
                received = await _udp.ReceiveAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (!SnmpMessage.TryRead(received.Buffer, out var request, out _))
                continue;
            Interlocked.Increment(ref _requests);
            foreach (var datagram in _answer(request))
                await _udp.SendAsync(datagram, received.RemoteEndPoint, _stop.Token);
        }
    }

    /// <summary>A Response to <paramref name="request"/> carrying <paramref name="varBinds"/>.</summary>
    public static byte[] Response(SnmpMessage request, params VarBind[] varBinds) =>
        new SnmpMessage(request.Version, request.Community, new SnmpPdu(SnmpPduType.Response, ((SnmpPdu)request.Pdu).RequestId,
            SnmpErrorStatus.NoError, 0, varBinds)).ToArray();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _udp.Dispose();
        await _loop;
        _stop.Dispose();
    }
}
