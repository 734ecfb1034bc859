using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using System.Xml.Linq;
using Qdms.Protocols.Cwmp.Messages;
using Qdms.Protocols.Xmpp;

namespace Qdms.Tools.CpeSim;

/// <summary>
/// The CPE side of TR-069 Annex K: a simulated CPE signed in to an XMPP server with its own account, reporting its full JID
/// as <c>Device.ManagementServer.ConnReqJabberID</c>, and answering the ACS's <c>connectionRequest</c> iq. The request's
/// username and password must equal the model's ConnectionRequestUsername/Password (and the sender's bare JID be listed in
/// ConnReqAllowedJabberIDs when that is not empty), else the answer is <c>not-authorized</c>. An accepted request is
/// answered with an empty result, then the CPE runs a session with <c>6 CONNECTION REQUEST</c> (one at a time; requests
/// during a session queue behind it). Each such session's outcomes are written to <see cref="Sessions"/>.
/// </summary>
public sealed class XmppConnectionRequestListener : IAsyncDisposable
{
    private const string JabberIdParameter = "Device.ManagementServer.ConnReqJabberID";
    private static readonly XNamespace Annex = "urn:broadband-forum-org:cwmp:xmppConnReq-1-0";

    private readonly SimulatedCpe _cpe;
    private readonly XmppClient _client;
    private readonly SemaphoreSlim _oneSession = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Channel<IReadOnlyList<SessionOutcome>> _sessions = Channel.CreateUnbounded<IReadOnlyList<SessionOutcome>>();
    private readonly List<Task> _running = [];
    private int _refused;

    private XmppConnectionRequestListener(SimulatedCpe cpe, XmppClient client)
    {
        _cpe = cpe;
        _client = client;
    }

    /// <summary>The full JID the CPE is reachable at (also its ConnReqJabberID).</summary>
    public Jid Jid => _client.BoundJid;

    /// <summary>The outcomes of each session a connection request started, in order.</summary>
    public ChannelReader<IReadOnlyList<SessionOutcome>> Sessions => _sessions.Reader;

    /// <summary>How many connection requests were refused (wrong credentials or sender).</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>Signs <paramref name="cpe"/> in with <paramref name="options"/> and starts answering connection requests.</summary>
    public static async Task<XmppConnectionRequestListener> StartAsync(SimulatedCpe cpe, XmppClientOptions options, CancellationToken ct)
    {
        var client = await XmppClient.ConnectAsync(options, ct);
        var listener = new XmppConnectionRequestListener(cpe, client);
        if (cpe.Model.Find(JabberIdParameter) is { } parameter)
        {
            parameter.Value = client.BoundJid.ToString();
        }

        client.OnIq(listener.AnswerAsync);
        return listener;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _client.DisposeAsync();
        Task[] running;
        lock (_running)
        {
            running = [.. _running];
        }

        await Task.WhenAll(running).ContinueWith(_ => { }, TaskScheduler.Default);
        _sessions.Writer.TryComplete();
        _stopping.Dispose();
    }

    private Task<XElement?> AnswerAsync(XmppIq iq, CancellationToken ct)
    {
        if (iq.Payload.Name != Annex + "connectionRequest" || iq.Type != "get")
        {
            throw new XmppIqErrorException("service-unavailable");
        }

        var username = iq.Payload.Element(Annex + "username")?.Value ?? "";
        var password = iq.Payload.Element(Annex + "password")?.Value ?? "";
        if (!Same(username, _cpe.Model.ValueOf("Device.ManagementServer.ConnectionRequestUsername"))
            || !Same(password, _cpe.Model.ValueOf("Device.ManagementServer.ConnectionRequestPassword"))
            || !Allowed(iq.From))
        {
            Interlocked.Increment(ref _refused);
            throw new XmppIqErrorException("not-authorized");
        }

        var session = Task.Run(() => RunSessionAsync(_stopping.Token));
        lock (_running)
        {
            _running.RemoveAll(t => t.IsCompleted);
            _running.Add(session);
        }

        return Task.FromResult<XElement?>(null);
    }

    private async Task RunSessionAsync(CancellationToken ct)
    {
        await _oneSession.WaitAsync(ct);
        try
        {
            var outcomes = await _cpe.RunAsync([new InformEvent("6 CONNECTION REQUEST")], ct);
            _sessions.Writer.TryWrite(outcomes);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            _sessions.Writer.TryWrite([new SessionOutcome(false, 0, 0, e.Message)]);
        }
        finally
        {
            _oneSession.Release();
        }
    }

    private bool Allowed(Jid? from)
    {
        var allowed = _cpe.Model.ValueOf("Device.ManagementServer.ConnReqAllowedJabberIDs") ?? "";
        if (allowed.Length == 0)
        {
            return true;
        }

        return from is { } sender && allowed.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(a => Jid.TryParse(a, out var jid) && (jid.IsFull ? jid.Matches(sender) : jid.Matches(sender.Bare)));
    }

    private static bool Same(string given, string? expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected ?? ""));
}
