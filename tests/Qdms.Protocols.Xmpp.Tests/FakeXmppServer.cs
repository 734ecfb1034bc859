using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Qdms.Protocols.Xmpp.Tests;

/// <summary>
/// A scripted XMPP server for failure paths prosody cannot be made to take: it accepts one connection, waits for the
/// client's stream header, writes the first reply (nothing when it is null), then writes each further reply once the client
/// sent its trigger text, and records everything the client sent.
/// </summary>
internal sealed class FakeXmppServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly StringBuilder _received = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    private readonly (string After, string Reply)[] _script;

    public FakeXmppServer(string? reply, params (string After, string Reply)[] then)
    {
        _script = reply is null ? [] : [("<stream:stream", reply), .. then];
        _listener.Start();
        _serving = ServeAsync(_stop.Token);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Everything the client sent so far.</summary>
    public string Received
    {
        get
        {
            lock (_received)
            {
                return _received.ToString();
            }
        }
    }

    public static string Header => "<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' id='fake' from='localhost' version='1.0'>";

    private async Task ServeAsync(CancellationToken ct)
    {
        try
        {
            using var client = await _listener.AcceptTcpClientAsync(ct);
            var stream = client.GetStream();
            var buffer = new byte[4096];
            var step = 0;
            while (true)
            {
                var read = await stream.ReadAsync(buffer, ct);
                if (read == 0)
                {
                    return;
                }

                lock (_received)
                {
                    _received.Append(Encoding.UTF8.GetString(buffer, 0, read));
                }

                while (step < _script.Length && Received.Contains(_script[step].After, StringComparison.Ordinal))
                {
                    await stream.WriteAsync(Encoding.UTF8.GetBytes(_script[step++].Reply), ct);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
        {
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
