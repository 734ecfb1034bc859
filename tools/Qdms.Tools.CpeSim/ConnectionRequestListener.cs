using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Qdms.Tools.CpeSim;

/// <summary>
/// One TCP listener that takes connection requests (TR-069 §3.2.2) for many simulated CPEs, routed by path:
/// <c>GET /cr/&lt;serial&gt;</c>. Each CPE's ConnectionRequestURL is set to its path here. A request is checked against the CPE's
/// <c>ConnectionRequestUsername</c>/<c>Password</c> as its <see cref="CpeOptions.ConnectionRequestAuth"/> says, answered 200 (or 401
/// with a challenge), and the CPE then runs a session with <c>6 CONNECTION REQUEST</c>. A minimal HTTP/1.1 server: request
/// heads up to 8 KiB, no bodies, keep-alive.
/// </summary>
public sealed class ConnectionRequestListener : IAsyncDisposable
{
    public const int MaxHeadBytes = 8 * 1024;
    public const string PathPrefix = "/cr/";
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(30);

    private readonly TcpListener _listener;
    private readonly ConcurrentDictionary<string, (SimulatedCpe Cpe, CpeConnectionRequestAuth Auth)> _cpes = new(StringComparer.Ordinal);
    private readonly ConnectionRequestAuthenticator _authenticator = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private long _accepted;
    private long _challenged;
    private long _sessionsCompleted;
    private long _sessionsFailed;

    private ConnectionRequestListener(TcpListener listener)
    {
        _listener = listener;
        _accepting = AcceptAsync(_stopping.Token);
    }

    /// <summary>Listens on <paramref name="address"/> (loopback when null) and <paramref name="port"/> (0: any free port).</summary>
    public static ConnectionRequestListener Start(IPAddress? address = null, int port = 0)
    {
        var listener = new TcpListener(address ?? IPAddress.Loopback, port);
        listener.Start(1024);
        return new ConnectionRequestListener(listener);
    }

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

    /// <summary>Whether an accepted request starts the CPE's session (true); false only answers, for measuring the request alone.</summary>
    public bool StartSessions { get; set; } = true;

    /// <summary>Requests answered 200.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Requests answered 401 (the first leg of every authenticated request, and every refused one).</summary>
    public long Challenged => Interlocked.Read(ref _challenged);

    /// <summary>Sessions started by a connection request that completed / did not.</summary>
    public long SessionsCompleted => Interlocked.Read(ref _sessionsCompleted);

    public long SessionsFailed => Interlocked.Read(ref _sessionsFailed);

    public Uri UrlOf(string serial) => new($"http://{new IPEndPoint(EndPoint.Address, EndPoint.Port)}{PathPrefix}{Uri.EscapeDataString(serial)}");

    /// <summary>Routes <paramref name="cpe"/>'s connection requests here and sets its ConnectionRequestURL to match.</summary>
    public void Register(SimulatedCpe cpe)
    {
        _cpes[cpe.Serial] = (cpe, cpe.ConnectionRequestAuth);
        if (cpe.Model.Find("Device.ManagementServer.ConnectionRequestURL") is { } url)
        {
            url.Value = UrlOf(cpe.Serial).ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stopping.Dispose();
    }

    private async Task AcceptAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(stopping);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = ServeAsync(socket, stopping);
        }
    }

    /// <summary>Answers the requests of one connection until it closes, goes idle or asks to close.</summary>
    private async Task ServeAsync(Socket socket, CancellationToken stopping)
    {
        using var connection = socket;
        connection.NoDelay = true;
        await using var stream = new NetworkStream(connection, ownsSocket: false);
        var buffer = new byte[MaxHeadBytes];
        var filled = 0;
        try
        {
            while (true)
            {
                int end;
                while ((end = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
                {
                    if (filled == buffer.Length)
                    {
                        await stream.WriteAsync(Response(431, "Request Header Fields Too Large", [], close: true), stopping);
                        return;
                    }

                    using var idle = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                    idle.CancelAfter(IdleTimeout);
                    var read = await stream.ReadAsync(buffer.AsMemory(filled), idle.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    filled += read;
                }

                var request = ConnectionRequestHead.TryParse(Encoding.ASCII.GetString(buffer, 0, end));
                var consumed = end + 4;
                Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
                filled -= consumed;
                var (response, wake) = Answer(request);
                await stream.WriteAsync(response, stopping);
                if (wake is not null)
                {
                    _ = WakeAsync(wake, stopping);
                }

                if (request is null || !request.KeepAlive || request.HasBody)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            // the ACS went away or the listener stops
        }
    }

    private (byte[] Response, SimulatedCpe? Wake) Answer(ConnectionRequestHead? request)
    {
        if (request is null || request.HasBody)
        {
            return (Response(400, "Bad Request", [], close: true), null);
        }

        if (!request.Target.StartsWith(PathPrefix, StringComparison.Ordinal)
            || !_cpes.TryGetValue(Uri.UnescapeDataString(request.Target[PathPrefix.Length..].Split('?', 2)[0]), out var entry))
        {
            return (Response(404, "Not Found", [], !request.KeepAlive), null);
        }

        if (request.Method != "GET")
        {
            return (Response(405, "Method Not Allowed", [], !request.KeepAlive), null);
        }

        var (cpe, auth) = entry;
        var accepted = auth == CpeConnectionRequestAuth.None ? "none" : _authenticator.Verify(
            auth, request.Method, request.Target, request.Authorization,
            cpe.Model.ValueOf("Device.ManagementServer.ConnectionRequestUsername") ?? "",
            cpe.Model.ValueOf("Device.ManagementServer.ConnectionRequestPassword") ?? "");
        if (accepted is null)
        {
            Interlocked.Increment(ref _challenged);
            return (Response(401, "Unauthorized", [.. _authenticator.Challenges(auth).Select(c => "WWW-Authenticate: " + c)], !request.KeepAlive), null);
        }

        Interlocked.Increment(ref _accepted);
        cpe.ConnectionRequests.Enqueue(accepted);
        return (Response(200, "OK", [], !request.KeepAlive), StartSessions ? cpe : null);
    }

    private async Task WakeAsync(SimulatedCpe cpe, CancellationToken stopping)
    {
        var outcomes = await cpe.ConnectionRequestedAsync(stopping);
        if (outcomes is not null)
        {
            Interlocked.Increment(ref outcomes.All(o => o.Completed) ? ref _sessionsCompleted : ref _sessionsFailed);
        }
    }

    private static byte[] Response(int status, string reason, IReadOnlyList<string> headers, bool close)
    {
        var text = new StringBuilder($"HTTP/1.1 {status} {reason}\r\nContent-Length: 0\r\n");
        foreach (var header in headers)
        {
            text.Append(header).Append("\r\n");
        }

        if (close)
        {
            text.Append("Connection: close\r\n");
        }

        return Encoding.ASCII.GetBytes(text.Append("\r\n").ToString());
    }
}
