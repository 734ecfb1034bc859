using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Qdms.Portal.Tests.Support;

/// <summary>
/// A device agent on one loopback address that answers the evaluator's <c>GET /device-qos?batch=N&amp;oids=…</c> in
/// Arrowhead's format with fixed loads (each OID's samples are value − 1 and value + 1, so a batch's mean is the value):
/// CPU <c>1.4</c>, memory <c>2.1</c>, network egress <c>3.1</c> and ingress <c>3.2</c>, in percent.
/// </summary>
public sealed class SimulatedQosAgent : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly string _body;
    private readonly Task _serving;

    public SimulatedQosAgent(IPAddress address, int port, double cpu, double memory, double egress, double ingress)
    {
        _listener = new TcpListener(address, port);
        _listener.Start();
        Address = address;
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        string Samples(double v) => string.Create(CultureInfo.InvariantCulture, $"[{v - 1}, {v + 1}]");
        _body = $$"""{"1.4": {{Samples(cpu)}}, "2.1": {{Samples(memory)}}, "3.1": {{Samples(egress)}}, "3.2": {{Samples(ingress)}}}""";
        _serving = ServeAsync();
    }

    public IPAddress Address { get; }

    public int Port { get; }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                var stream = client.GetStream();
                var reader = new StreamReader(stream, Encoding.ASCII);
                while (!string.IsNullOrEmpty(await reader.ReadLineAsync(_stop.Token)))
                {
                }

                var body = Encoding.UTF8.GetBytes(_body);
                await stream.WriteAsync(Encoding.ASCII.GetBytes(
                    $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n"), _stop.Token);
                await stream.WriteAsync(body, _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException or IOException)
            {
                if (_stop.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _serving;
        _stop.Dispose();
    }
}
