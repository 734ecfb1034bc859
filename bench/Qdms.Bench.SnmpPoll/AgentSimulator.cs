using System.Net;
using System.Net.Sockets;
using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Bench.SnmpPoll;

/// <summary>
/// Many SNMP v2c agents on loopback: one UDP socket per agent on consecutive ports, each with an async receive loop that
/// answers GET requests from <see cref="SimulatedMib"/> (any community). No thread per agent.
/// </summary>
internal sealed class AgentSimulator(int agents, int basePort)
{
    private long _answered;

    public long Answered => Interlocked.Read(ref _answered);

    public async Task RunAsync(CancellationToken ct)
    {
        var sockets = new List<Socket>(agents);
        try
        {
            for (var i = 0; i < agents; i++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                socket.Bind(new IPEndPoint(IPAddress.Loopback, basePort + i));
                sockets.Add(socket);
            }

            Console.WriteLine($"READY {agents} agents on udp 127.0.0.1:{basePort}-{basePort + agents - 1}");
            await Task.WhenAll(sockets.Select((s, i) => ServeAsync(s, i, ct)));
        }
        finally
        {
            foreach (var s in sockets)
            {
                s.Dispose();
            }
        }
    }

    private async Task ServeAsync(Socket socket, int agent, CancellationToken ct)
    {
        var buffer = new byte[2048];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!ct.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            if (!SnmpMessage.TryRead(buffer.AsSpan(0, received.ReceivedBytes), out var request, out _) || request.Pdu is not SnmpPdu { Type: SnmpPduType.GetRequest } get)
            {
                continue;
            }

            var answer = get.VarBinds.Select(vb => new VarBind(vb.Oid, SimulatedMib.Get(vb.Oid, agent))).ToList();
            var response = new SnmpMessage(request.Version, request.Community, new SnmpPdu(SnmpPduType.Response, get.RequestId, SnmpErrorStatus.NoError, 0, answer)).ToArray();
            try
            {
                await socket.SendToAsync(response, SocketFlags.None, received.RemoteEndPoint, ct);
                Interlocked.Increment(ref _answered);
            }
            catch (SocketException)
            {
            }
        }
    }
}
