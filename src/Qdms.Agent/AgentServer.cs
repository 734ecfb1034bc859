using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Qdms.Agent;

/// <summary>
/// A small HTTP/1.1 server for the one route the agent has: a listening socket, one task per connection (at most
/// <see cref="MaxConnections"/>), optional TLS through <see cref="SslStream"/>, keep-alive, and limits on everything a
/// client sends — a request head of at most <see cref="MaxHeadBytes"/> within <see cref="HeadTimeout"/>, no request body.
/// </summary>
internal sealed class AgentServer : IAsyncDisposable
{
    public const int MaxConnections = 64;
    public const int MaxHeadBytes = 8 * 1024;
    public static readonly TimeSpan HeadTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(60);

    private readonly Socket _listener;
    private readonly X509Certificate2? _certificate;
    private readonly DeviceQosEndpoint _endpoint;
    private readonly AgentLog _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _connections = new(MaxConnections, MaxConnections);
    private readonly Task _accept;

    private AgentServer(Socket listener, X509Certificate2? certificate, DeviceQosEndpoint endpoint, AgentLog log)
    {
        _listener = listener;
        _certificate = certificate;
        _endpoint = endpoint;
        _log = log;
        _accept = AcceptLoopAsync();
    }

    /// <summary>The address and port listened on (the port is the real one when 0 was asked).</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)_listener.LocalEndPoint!;

    public bool IsHttps => _certificate is not null;

    /// <summary>Binds and starts accepting; throws <see cref="AgentConfigurationException"/> when the address cannot be bound.</summary>
    public static AgentServer Start(IPAddress address, int port, X509Certificate2? certificate, DeviceQosEndpoint endpoint, AgentLog log)
    {
        var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (address.Equals(IPAddress.IPv6Any))
            {
                listener.DualMode = true;
            }

            listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Bind(new IPEndPoint(address, port));
            listener.Listen(128);
        }
        catch (SocketException e)
        {
            listener.Dispose();
            throw new AgentConfigurationException($"Agent:Address {address} and Agent:Port {port} cannot be listened on: {e.Message}");
        }

        return new AgentServer(listener, certificate, endpoint, log);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            if (!_connections.Wait(0))
            {
                client.Dispose(); // too many at once: refuse rather than queue without bound
                continue;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(Socket client)
    {
        try
        {
            client.NoDelay = true;
            await using var network = new NetworkStream(client, ownsSocket: true);
            Stream stream = network;
            if (_certificate is not null)
            {
                var tls = new SslStream(network, leaveInnerStreamOpen: false);
                using var handshake = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                handshake.CancelAfter(HeadTimeout);
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, handshake.Token).ConfigureAwait(false);
                stream = tls;
            }

            await using (stream.ConfigureAwait(false))
            {
                await ServeRequestsAsync(stream).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException
                                      or System.Security.Authentication.AuthenticationException)
        {
            // the client went away, was too slow, or failed the TLS handshake: nothing to answer
        }
        finally
        {
            _connections.Release();
        }
    }

    private async Task ServeRequestsAsync(Stream stream)
    {
        var buffer = new byte[MaxHeadBytes];
        var filled = 0;
        var first = true;
        while (!_stop.IsCancellationRequested)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            limit.CancelAfter(first ? HeadTimeout : IdleTimeout);
            int end;
            while ((end = HeadEnd(buffer.AsSpan(0, filled))) < 0)
            {
                if (filled == buffer.Length)
                {
                    await WriteAsync(stream, DeviceQosEndpoint.Problem(431, "Request header fields too large", $"The request head is longer than {MaxHeadBytes} bytes."), close: true).ConfigureAwait(false);
                    return;
                }

                var n = await stream.ReadAsync(buffer.AsMemory(filled), limit.Token).ConfigureAwait(false);
                if (n == 0)
                {
                    return;
                }

                filled += n;
            }

            first = false;
            var head = Encoding.ASCII.GetString(buffer, 0, end);
            Array.Copy(buffer, end + 4, buffer, 0, filled - end - 4);
            filled -= end + 4;
            var (response, close) = Answer(head);
            await WriteAsync(stream, response, close).ConfigureAwait(false);
            if (close)
            {
                return;
            }
        }
    }

    /// <summary>The answer to one request head, and whether the connection closes after it.</summary>
    internal (AgentResponse Response, bool Close) Answer(string head)
    {
        var lines = head.Split("\r\n");
        var parts = lines[0].Split(' ');
        if (parts.Length != 3 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            return (DeviceQosEndpoint.Problem(400, "Bad request", "The request line is not 'METHOD target HTTP/1.x'."), true);
        }

        string? authorization = null;
        var close = parts[2] == "HTTP/1.0";
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return (DeviceQosEndpoint.Problem(400, "Bad request", "A header line has no name."), true);
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            {
                authorization = value;
            }
            else if (name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
            {
                close = value.Equals("close", StringComparison.OrdinalIgnoreCase) || (close && !value.Equals("keep-alive", StringComparison.OrdinalIgnoreCase));
            }
            else if ((name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && value != "0")
                     || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                return (DeviceQosEndpoint.Problem(413, "Content too large", "The agent takes no request body."), true);
            }
        }

        if (parts[0] is not ("GET" or "HEAD"))
        {
            return (DeviceQosEndpoint.Problem(405, "Method not allowed", $"{parts[0]} is not allowed; use GET."), close);
        }

        var response = _endpoint.Handle(parts[1], authorization);
        return (parts[0] == "HEAD" ? response with { Body = [], } : response, close);
    }

    private static async Task WriteAsync(Stream stream, AgentResponse response, bool close)
    {
        var head = new StringBuilder()
            .Append("HTTP/1.1 ").Append(response.Status).Append(' ').Append(AgentResponse.Reason(response.Status)).Append("\r\n")
            .Append("Content-Type: ").Append(response.ContentType).Append("\r\n")
            .Append("Content-Length: ").Append(response.Body.Length).Append("\r\n")
            .Append("Cache-Control: no-store\r\n");
        if (response.Challenge)
        {
            head.Append("WWW-Authenticate: Bearer\r\n");
        }

        if (close)
        {
            head.Append("Connection: close\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString())).ConfigureAwait(false);
        await stream.WriteAsync(response.Body).ConfigureAwait(false);
        await stream.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>The index of the blank line (<c>\r\n\r\n</c>) that ends a request head, or −1.</summary>
    private static int HeadEnd(ReadOnlySpan<byte> data) => data.IndexOf("\r\n\r\n"u8);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        await _accept.ConfigureAwait(false);
        _log.Info(9002, "Stopped listening");
        _stop.Dispose();
    }
}
