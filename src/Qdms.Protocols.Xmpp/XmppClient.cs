using System.Collections.Concurrent;
using System.Xml.Linq;

namespace Qdms.Protocols.Xmpp;

/// <summary>
/// A signed-in XMPP client stream (RFC 6120): created by <see cref="ConnectAsync"/> (TCP, STARTTLS, SASL, bind), it sends
/// iqs and awaits their answers by id, answers iqs addressed to it through <see cref="XmppClientOptions"/>' handler,
/// keeps the connection alive with whitespace, and closes cleanly on <see cref="DisposeAsync"/>. Thread-safe.
/// Presence and messages are read and ignored: this client is for request/response work, not chat.
/// </summary>
public sealed partial class XmppClient : IAsyncDisposable
{
    private readonly XmppTransport _transport;
    private readonly XmppClientOptions _options;
    private readonly ConcurrentDictionary<string, PendingIq> _pending = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closing = new();
    private readonly TaskCompletionSource<Exception?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private XmppIqHandler? _handler;
    private Task _reader = Task.CompletedTask;
    private Task _keepAlive = Task.CompletedTask;
    private long _nextId;
    private int _disposed;

    private XmppClient(XmppTransport transport, XmppClientOptions options, Jid boundJid, string mechanism)
    {
        _transport = transport;
        _options = options;
        BoundJid = boundJid;
        Mechanism = mechanism;
    }

    /// <summary>The full JID the server bound this stream to.</summary>
    public Jid BoundJid { get; }

    /// <summary>The SASL mechanism used to sign in.</summary>
    public string Mechanism { get; }

    /// <summary>Whether the stream runs over TLS.</summary>
    public bool IsEncrypted => _transport.IsEncrypted;

    /// <summary>
    /// Completes when the stream ends: with null after a clean close (ours or the server's), or with the error that ended it
    /// (a stream error, a broken connection). Never faults.
    /// </summary>
    public Task<Exception?> Closed => _closed.Task;

    /// <summary>Sets the handler for iqs addressed to this client (get/set); without one they are answered <c>service-unavailable</c>.</summary>
    public void OnIq(XmppIqHandler? handler) => _handler = handler;

    /// <summary>Sends a whitespace keepalive now (RFC 6120 §4.6.1).</summary>
    public Task SendKeepAliveAsync(CancellationToken ct) => _transport.WriteAsync(" ", ct);

    /// <summary>Ends the stream: sends the closing tag, waits briefly for the server's, then closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            await _closed.Task;
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _transport.WriteAsync("</stream:stream>", timeout.Token);
            await _reader.WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception e) when (e is XmppException or OperationCanceledException or TimeoutException)
        {
            // the server is gone or slow: close anyway
        }

        await _closing.CancelAsync();
        await _transport.DisposeAsync();
        await Task.WhenAll(_reader, _keepAlive);
        Finish(null);
        _closing.Dispose();
    }

    private void Start()
    {
        _reader = Task.Run(() => ReadLoopAsync(_closing.Token));
        if (_options.KeepAliveInterval > TimeSpan.Zero)
        {
            _keepAlive = Task.Run(() => KeepAliveLoopAsync(_closing.Token));
        }
    }

    private async Task KeepAliveLoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(_options.KeepAliveInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                await SendKeepAliveAsync(ct);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or XmppException)
        {
            // closing, or the reader reports the broken connection
        }
    }

    /// <summary>Marks the stream ended and fails every iq still waiting.</summary>
    private void Finish(Exception? error)
    {
        if (!_closed.TrySetResult(error))
        {
            return;
        }

        var reason = error ?? new XmppConnectionException("the XMPP stream is closed");
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var pending))
            {
                pending.Answer.TrySetException(reason is XmppException ? reason : new XmppConnectionException(reason.Message, reason));
            }
        }
    }

    private XElement NewIq(string type, string id, Jid? to, XElement? payload) =>
        new("iq", new XAttribute("type", type), new XAttribute("id", id), to is { } t ? new XAttribute("to", t.ToString()) : null, payload);

    private sealed record PendingIq(Jid? To, TaskCompletionSource<XElement> Answer);
}
