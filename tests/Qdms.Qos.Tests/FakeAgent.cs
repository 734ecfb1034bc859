using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Qdms.Qos.Tests;

/// <summary>
/// A device agent that answers every request with fixed bytes, the way Arrowhead's Python agent writes them
/// (<c>json.dumps</c> separators <c>", "</c> and <c>": "</c>), and remembers the request lines it got.
/// </summary>
internal sealed class FakeAgent : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public FakeAgent(string body, int status = 200)
    {
        _listener.Start();
        _loop = ServeAsync(body, status);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public List<string> Requests { get; } = [];

    private async Task ServeAsync(string body, int status)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            using (client)
            {
                var stream = client.GetStream();
                var reader = new StreamReader(stream, Encoding.ASCII);
                var requestLine = await reader.ReadLineAsync() ?? "";
                lock (Requests)
                {
                    Requests.Add(requestLine);
                }

                while (!string.IsNullOrEmpty(await reader.ReadLineAsync()))
                {
                }

                var payload = Encoding.UTF8.GetBytes(body);
                var head = $"HTTP/1.1 {status} X\r\nServer: Werkzeug/3.0.1 Python/3.11.2\r\nContent-Type: application/json\r\nContent-Length: {payload.Length}\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
                await stream.WriteAsync(payload);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
