using System.Net;
using System.Net.Sockets;
using Qdms.Contracts;

namespace Qdms.Server.Tests.Engines;

/// <summary>A TCP client for the echo engine: sends bytes and reads them back, or proves a port is closed.</summary>
public static class EchoPeer
{
    public static int BoundPort(EngineDto engine) =>
        int.Parse(engine.Details.TryGetValue("boundPort", out var port) ? port : throw new InvalidOperationException($"{engine.Alias} reports no bound port; state {engine.State}"),
            System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Connects, sends <paramref name="payload"/>, and returns what comes back (as many bytes as were sent).</summary>
    public static async Task<byte[]> EchoAsync(int port, byte[] payload)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(payload, timeout.Token);
        var answer = new byte[payload.Length];
        await stream.ReadExactlyAsync(answer, timeout.Token);
        return answer;
    }

    /// <summary>True when the server side has closed <paramref name="client"/>'s connection (end of stream or reset).</summary>
    public static async Task<bool> IsDroppedAsync(TcpClient client)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            return await client.GetStream().ReadAsync(new byte[1], timeout.Token) == 0;
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds, for at most 10 s.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not hold within 10 s.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>True when nothing listens on the port (the connection is refused).</summary>
    public static async Task<bool> IsClosedAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return false;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return true;
        }
    }
}
