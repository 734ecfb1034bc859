using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Qdms.Testing;

/// <summary>
/// A terminal on a loopback TCP port whose pace the test sets: it answers <c>OK\r\n</c> to every CR LF line at once, except
/// the <see cref="HeldCommand"/>, which it answers only after <see cref="Release"/>. A scenario that sends that command is
/// therefore still running, with its earlier lines logged, for as long as the test wants to look at it.
/// </summary>
public sealed class GatedTerminal : IAsyncDisposable
{
    /// <summary>The command answered only once released.</summary>
    public const string HeldCommand = "AT+HOLD";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _accepting;

    public GatedTerminal()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>Completes when the held command has arrived (the run waits for its answer).</summary>
    public Task Holding => _held.Task;

    /// <summary>Lets the held command be answered.</summary>
    public void Release() => _released.TrySetResult();

    /// <summary>A scenario of two transactions: <c>AT</c>, then the held command (due within a minute).</summary>
    public string Scenario(string name) => $$"""
        version: 1
        name: {{name}}
        transport: { kind: tcp, host: 127.0.0.1, port: {{Port}} }
        framing: { kind: delimiter, delimiter: "\r\n" }
        steps:
          - { id: hello, send: "AT\r\n", expect: OK, timeout: 5s }
          - { id: held, send: "{{HeldCommand}}\r\n", expect: OK, timeout: 60s }
        thresholds: ["ssr >= 0.95"]
        """;

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                connections.Add(ServeAsync(client));
            }
        }
        catch (OperationCanceledException)
        {
        }

        await Task.WhenAll(connections);
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line == HeldCommand)
                {
                    _held.TrySetResult();
                    await _released.Task.WaitAsync(_stop.Token);
                }

                await stream.WriteAsync("OK\r\n"u8.ToArray(), _stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
