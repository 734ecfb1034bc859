using System.Xml.Linq;

namespace Qdms.Protocols.Xmpp;

public sealed partial class XmppClient
{
    /// <summary>
    /// Sends an iq of <paramref name="type"/> (<c>get</c> or <c>set</c>) to <paramref name="to"/> and returns its result
    /// (the whole iq element) once the answer with the same id arrives from that address (RFC 6120 §8.2.3).
    /// </summary>
    /// <exception cref="XmppIqErrorException">The answer was an error; its condition says which.</exception>
    /// <exception cref="XmppTimeoutException">No answer within <paramref name="timeout"/> (default <see cref="XmppClientOptions.IqTimeout"/>).</exception>
    /// <exception cref="XmppConnectionException">The stream closed before the answer.</exception>
    public async Task<XElement> SendIqAsync(string type, Jid? to, XElement payload, TimeSpan? timeout = null, CancellationToken ct = default)
    {
        if (type is not ("get" or "set"))
        {
            throw new ArgumentException("an iq request is of type get or set", nameof(type));
        }

        if (_closed.Task.IsCompleted)
        {
            throw _closed.Task.Result as XmppException ?? new XmppConnectionException("the XMPP stream is closed");
        }

        var id = "q" + Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var pending = new PendingIq(to, new TaskCompletionSource<XElement>(TaskCreationOptions.RunContinuationsAsynchronously));
        _pending[id] = pending;
        var wait = timeout ?? _options.IqTimeout;
        try
        {
            await _transport.WriteAsync(NewIq(type, id, to, payload), ct);
            var answer = await pending.Answer.Task.WaitAsync(wait, ct);
            return (string?)answer.Attribute("type") == "error" ? throw XmppIqErrorException.From(answer) : answer;
        }
        catch (TimeoutException)
        {
            throw new XmppTimeoutException($"no answer to the iq {type} to {to?.ToString() ?? "the server"} within {wait.TotalSeconds:0.###} s");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private async Task ReadLoopAsync(CancellationToken ct)
    {
        Exception? error = null;
        try
        {
            while (true)
            {
                var frame = await _transport.ReadFrameAsync(ct);
                if (frame.Kind == XmppFrameKind.StreamEnd)
                {
                    break;
                }

                if (frame.Kind == XmppFrameKind.StreamHeader)
                {
                    throw new XmppStreamException("not-well-formed", "the XMPP server opened a second stream");
                }

                var element = frame.Element!;
                if (element.Name == XmppNamespaces.Streams + "error")
                {
                    throw XmppTransport.StreamError(element);
                }

                if (element.Name == XmppNamespaces.Client + "iq")
                {
                    Dispatch(element);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (XmppException e)
        {
            error = Volatile.Read(ref _disposed) != 0 ? null : e;
        }
        catch (ObjectDisposedException)
        {
        }

        Finish(error);
    }

    private void Dispatch(XElement iq)
    {
        var type = (string?)iq.Attribute("type");
        var id = (string?)iq.Attribute("id");
        if (id is null)
        {
            return;
        }

        if (type is "result" or "error")
        {
            // RFC 6120 §8.1.2.1: only an answer from the address asked (or, for the server and our own account, none) counts.
            if (_pending.TryGetValue(id, out var pending) && FromMatches(iq, pending.To))
            {
                pending.Answer.TrySetResult(iq);
            }

            return;
        }

        if (type is "get" or "set")
        {
            _ = Task.Run(() => AnswerAsync(iq, id, type));
        }
    }

    private bool FromMatches(XElement iq, Jid? to)
    {
        var fromText = (string?)iq.Attribute("from");
        if (fromText is null)
        {
            return to is null || to.Value.Matches(BoundJid.Bare) || to.Value.Matches(new Jid(null, BoundJid.Domain, null));
        }

        if (!Jid.TryParse(fromText, out var from))
        {
            return false;
        }

        return to is { } t ? from.Matches(t) : from.Matches(BoundJid.Bare) || from.Matches(new Jid(null, BoundJid.Domain, null));
    }

    private async Task AnswerAsync(XElement iq, string id, string type)
    {
        Jid? from = Jid.TryParse((string?)iq.Attribute("from"), out var f) ? f : null;
        var payload = iq.Elements().FirstOrDefault();
        XElement answer;
        if (payload is null || _handler is not { } handler)
        {
            answer = ErrorAnswer(id, from, new XmppIqErrorException("service-unavailable"));
        }
        else
        {
            try
            {
                var result = await handler(new XmppIq(id, type, from, payload), _closing.Token);
                answer = NewIq("result", id, from, result);
            }
            catch (XmppIqErrorException e)
            {
                answer = ErrorAnswer(id, from, e);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                answer = ErrorAnswer(id, from, new XmppIqErrorException("internal-server-error", "wait"));
            }
        }

        try
        {
            await _transport.WriteAsync(answer, _closing.Token);
        }
        catch (Exception e) when (e is XmppException or OperationCanceledException or ObjectDisposedException)
        {
            // the stream closed meanwhile: nobody to answer
        }
    }

    private XElement ErrorAnswer(string id, Jid? to, XmppIqErrorException error) => NewIq("error", id, to, error.ToElement());
}
