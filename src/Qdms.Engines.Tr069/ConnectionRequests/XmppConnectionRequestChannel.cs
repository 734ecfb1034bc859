using Microsoft.Extensions.Logging;
using Qdms.Protocols.Xmpp;

namespace Qdms.Engines.Tr069.ConnectionRequests;

/// <summary>
/// Connection requests over XMPP (TR-069 Annex K): keeps one XMPP session signed in as the ACS (reconnecting with
/// exponential backoff, 1 s doubling to 60 s, when it drops or sign-in fails) and sends each request as the Annex K iq to the
/// CPE's ConnReqJabberID. An iq result means the CPE accepted; an iq error, a timeout or no session is a
/// <see cref="ConnectionRequestException"/> naming the reason.
/// </summary>
internal sealed class XmppConnectionRequestChannel : IConnectionRequestChannel, IAsyncDisposable
{
    /// <summary>How long a request waits for the session to be signed in (at start, or while reconnecting).</summary>
    public static readonly TimeSpan SignInWait = TimeSpan.FromSeconds(5);

    /// <summary>How long the CPE has to answer the iq.</summary>
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(60);

    private readonly XmppChannelSettings _settings;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource<XmppClient> _session = NewSession();
    private volatile string _status = "connecting";
    private Task _loop = Task.CompletedTask;

    private XmppConnectionRequestChannel(XmppChannelSettings settings, ILogger logger, TimeProvider time)
    {
        _settings = settings;
        _logger = logger;
        _time = time;
    }

    public string Name => "xmpp";

    /// <summary>For the engine's status: <c>signed-in as …</c>, <c>connecting</c> or <c>error: …</c>.</summary>
    public string Status => _status;

    /// <summary>Creates the channel and starts signing in in the background.</summary>
    public static XmppConnectionRequestChannel Start(XmppChannelSettings settings, ILogger logger, TimeProvider time)
    {
        var channel = new XmppConnectionRequestChannel(settings, logger, time);
        channel._loop = Task.Run(() => channel.RunAsync(channel._stopping.Token));
        return channel;
    }

    public bool CanReach(ConnectionRequestTarget target) => !string.IsNullOrWhiteSpace(target.JabberId);

    public async Task SendAsync(ConnectionRequestTarget target, CancellationToken ct)
    {
        if (!Jid.TryParse(target.JabberId?.Trim(), out var cpe))
        {
            throw new ConnectionRequestException($"the CPE's ConnReqJabberID '{target.JabberId}' is not a JID");
        }

        XmppClient client;
        try
        {
            client = await Volatile.Read(ref _session).Task.WaitAsync(SignInWait, ct);
        }
        catch (TimeoutException)
        {
            throw new ConnectionRequestException($"the ACS is not signed in to XMPP ({_status})");
        }

        try
        {
            await client.SendIqAsync("get", cpe, XmppConnectionRequestIq.Payload(target.Username, target.Password), AnswerTimeout, ct);
        }
        catch (XmppIqErrorException e)
        {
            XmppChannelLog.Refused(_logger, cpe.ToString(), e.Condition);
            var meaning = e.Condition switch
            {
                "not-authorized" => " (the CPE refused the connection request credentials)",
                "service-unavailable" => " (the CPE is offline, unknown to its XMPP server, or does not take connection requests now)",
                _ => "",
            };
            throw new ConnectionRequestException($"XMPP connection request to {cpe} failed: {e.Condition}{meaning}", e);
        }
        catch (XmppTimeoutException e)
        {
            throw new ConnectionRequestException($"XMPP connection request to {cpe}: no answer within {AnswerTimeout.TotalSeconds:0} s", e);
        }
        catch (XmppConnectionException e)
        {
            throw new ConnectionRequestException($"XMPP connection request to {cpe}: the ACS's XMPP session dropped ({e.Message})", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
        }

        await _loop;
        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        var server = $"{_settings.Host}:{_settings.Port}";
        var delay = FirstRetry;
        while (!stopping.IsCancellationRequested)
        {
            XmppClient? client = null;
            try
            {
                _status = "connecting";
                client = await XmppClient.ConnectAsync(_settings.ClientOptions(), stopping);
                _status = $"signed-in as {client.BoundJid}";
                XmppChannelLog.SignedIn(_logger, server, client.BoundJid.ToString(), client.Mechanism, client.IsEncrypted);
                delay = FirstRetry;
                Volatile.Read(ref _session).TrySetResult(client);
                var ended = await client.Closed.WaitAsync(stopping);
                Volatile.Write(ref _session, NewSession());
                _status = ended is null ? "connecting (the server closed the stream)" : $"error: {ended.Message}";
                XmppChannelLog.Dropped(_logger, server, ended?.Message ?? "closed by the server");
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
            }
            catch (XmppException e)
            {
                _status = $"error: {e.Message}";
                XmppChannelLog.SignInFailed(_logger, server, _settings.Jid.ToString(), delay, e.Message);
            }
            finally
            {
                if (client is not null)
                {
                    await client.DisposeAsync();
                }
            }

            if (stopping.IsCancellationRequested)
            {
                break;
            }

            try
            {
                await Task.Delay(delay, _time, stopping);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LastRetry.Ticks));
        }

        _status = "stopped";
    }

    private static TaskCompletionSource<XmppClient> NewSession() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
