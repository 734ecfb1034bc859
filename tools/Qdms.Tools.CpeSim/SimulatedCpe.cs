using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Qdms.Protocols.Cwmp;
using Qdms.Protocols.Cwmp.Messages;

namespace Qdms.Tools.CpeSim;

/// <summary>
/// One simulated CPE: a data model and the CPE side of CWMP sessions over HTTP (TR-069 §3.7): Inform, its own requests
/// (TransferComplete), an empty POST, then the ACS's requests one at a time until the ACS answers empty. Cookies the ACS sets
/// are sent back for the rest of the session. Reboot, FactoryReset and Download run after the session and open a new one with
/// their events. One session at a time per CPE.
/// </summary>
public sealed partial class SimulatedCpe
{
    private readonly HttpClient _acs;
    private readonly HttpClient _downloads;
    private readonly CpeOptions _options;
    private readonly DataModel _factory;
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);
    private readonly List<PendingAction> _pending = [];
    private TransferCompleteRequest? _transferComplete;
    private int _nextId;

    /// <param name="serial">The serial number (and <c>{serial}</c> in the model).</param>
    /// <param name="factory">The data model at factory state; the CPE works on a copy.</param>
    /// <param name="acs">The client for the ACS; its handler must not handle cookies itself (<c>UseCookies = false</c>).</param>
    /// <param name="downloads">The client Download URLs are fetched with.</param>
    public SimulatedCpe(string serial, DataModel factory, HttpClient acs, HttpClient downloads, CpeOptions options)
    {
        Serial = serial;
        _factory = factory;
        Model = factory.Clone();
        _acs = acs;
        _downloads = downloads;
        _options = options;
    }

    public string Serial { get; }

    public DataModel Model { get; private set; }

    public string Oui => Model.ValueOf("Device.DeviceInfo.ManufacturerOUI") ?? "000000";

    public string ProductClass => Model.ValueOf("Device.DeviceInfo.ProductClass") ?? "";

    /// <summary>The identity the ACS knows this CPE by: <c>OUI-ProductClass-SerialNumber</c>.</summary>
    public string Identity => ProductClass.Length > 0 ? $"{Oui}-{ProductClass}-{Serial}" : $"{Oui}-{Serial}";

    /// <summary>True once a session with 0 BOOTSTRAP completed (cleared by FactoryReset).</summary>
    public bool Bootstrapped { get; private set; }

    /// <summary>Every ACS request method this CPE answered, in order (for tests and the console's summary).</summary>
    public ConcurrentQueue<string> Served { get; } = new();

    /// <summary>Each file fetched for a Download: its URL and its bytes.</summary>
    public ConcurrentQueue<(Uri Url, byte[] Content)> Downloads { get; } = new();

    /// <summary>The event codes of every Inform sent, one list per session.</summary>
    public ConcurrentQueue<IReadOnlyList<string>> Informs { get; } = new();

    /// <summary>
    /// Boots: a session with 0 BOOTSTRAP and 1 BOOT (or only 1 BOOT once bootstrapped), then every session the ACS's requests
    /// call for (M Reboot, M Download …). Returns the outcome of each session.
    /// </summary>
    public Task<IReadOnlyList<SessionOutcome>> BootAsync(CancellationToken ct) =>
        RunAsync(Bootstrapped ? [new InformEvent("1 BOOT")] : [new InformEvent("0 BOOTSTRAP"), new InformEvent("1 BOOT")], ct);

    /// <summary>A periodic session (2 PERIODIC) and any follow-up sessions.</summary>
    public Task<IReadOnlyList<SessionOutcome>> PeriodicInformAsync(CancellationToken ct) => RunAsync([new InformEvent("2 PERIODIC")], ct);

    /// <summary>Runs a session with <paramref name="events"/>, then the follow-ups; stops at the first session that does not complete.</summary>
    public async Task<IReadOnlyList<SessionOutcome>> RunAsync(IReadOnlyList<InformEvent> events, CancellationToken ct)
    {
        var outcomes = new List<SessionOutcome>();
        var next = events;
        while (next.Count > 0)
        {
            var outcome = await SessionRetryingAsync(next, ct);
            outcomes.Add(outcome);
            if (!outcome.Completed)
            {
                break;
            }

            if (next.Any(e => e.EventCode == "0 BOOTSTRAP"))
            {
                Bootstrapped = true;
            }

            next = await FollowUpAsync(ct);
        }

        return outcomes;
    }

    /// <summary>One CWMP session: Inform, pending TransferComplete, empty POST, then the ACS's requests.</summary>
    public async Task<SessionOutcome> SessionAsync(IReadOnlyList<InformEvent> events, CancellationToken ct)
    {
        _cookies.Clear();
        Informs.Enqueue([.. events.Select(e => e.EventCode)]);
        var served = 0;
        var (status, response, retryAfter) = await PostAsync(Write(Inform(events)), ct);
        if (status != HttpStatusCode.OK || response?.Body is not InformResponse)
        {
            return new SessionOutcome(false, (int)status, 0, $"Inform answered {(int)status} with {response?.Body?.MethodName ?? "no envelope"}", retryAfter);
        }

        if (_transferComplete is { } transfer && response.Header.HoldRequests != true) // TR-069 Annex A.3.1.3: held until released
        {
            (status, response, _) = await PostAsync(Write(transfer), ct);
            if (response?.Body is not TransferCompleteResponse)
            {
                return new SessionOutcome(false, (int)status, 0, $"TransferComplete answered {(int)status} with {response?.Body?.MethodName ?? "no envelope"}");
            }

            _transferComplete = null;
        }

        (status, response, _) = await PostAsync(null, ct);
        while (true)
        {
            if (status is HttpStatusCode.NoContent || (status == HttpStatusCode.OK && response is null))
            {
                if (_transferComplete is { } held) // the hold is released: the request it held, then an empty POST again
                {
                    HeldRequests.Enqueue(held.MethodName);
                    (status, response, _) = await PostAsync(Write(held), ct);
                    if (response?.Body is not TransferCompleteResponse)
                    {
                        return new SessionOutcome(false, (int)status, served, $"TransferComplete answered {(int)status} with {response?.Body?.MethodName ?? "no envelope"}");
                    }

                    _transferComplete = null;
                    (status, response, _) = await PostAsync(null, ct);
                    continue;
                }

                return new SessionOutcome(true, (int)status, served);
            }

            if (status != HttpStatusCode.OK || response?.Body is null)
            {
                return new SessionOutcome(false, (int)status, served, $"the ACS answered {(int)status}");
            }

            Served.Enqueue(response.Body.MethodName);
            served++;
            var answer = response.Answer(Answer(response.Body));
            (status, response, _) = await PostAsync(CwmpWriter.ToArray(answer), ct);
        }
    }

    private CwmpEnvelope Inform(IReadOnlyList<InformEvent> events)
    {
        string[] forced =
        [
            "Device.DeviceInfo.HardwareVersion", "Device.DeviceInfo.SoftwareVersion", "Device.DeviceInfo.ProvisioningCode",
            "Device.ManagementServer.ParameterKey", "Device.ManagementServer.ConnectionRequestURL",
            "Device.ManagementServer.ConnReqJabberID",
            "Device.IP.Interface.1.IPv4Address.1.IPAddress",
        ];
        var parameters = forced.Select(Model.Find).OfType<ModelParameter>().Select(p => new ParameterValue(p.Name, p.Value, p.Type));
        var manufacturer = Model.ValueOf("Device.DeviceInfo.Manufacturer") ?? "";
        var inform = new InformRequest(
            new DeviceId(manufacturer, Oui, ProductClass, Serial), CwmpList.From(events), 1, DateTimeOffset.UtcNow, 0, CwmpList.From(parameters));
        return new CwmpEnvelope(_options.Version, new CwmpHeader(NextId()), inform);
    }

    private byte[] Write(CwmpMessage message) => Write(new CwmpEnvelope(_options.Version, new CwmpHeader(NextId()), message));

    private byte[] Write(CwmpEnvelope envelope) =>
        _options.NoMoreRequests ? NoMoreRequestsQuirk.Add(CwmpWriter.ToArray(envelope)) : CwmpWriter.ToArray(envelope);

    private string NextId() => $"{Serial}-{++_nextId}";

    private async Task<(HttpStatusCode Status, CwmpEnvelope? Envelope, TimeSpan? RetryAfter)> PostAsync(byte[]? body, CancellationToken ct)
    {
        var inSession = _cookies.Count > 0;
        HttpResponseMessage sent;
        for (var attempt = 0; ; attempt++)
        {
            using var request = Request(body, inSession);
            sent = await _acs.SendAsync(request, ct);
            if (attempt >= 2 || !Challenged(sent, request))
            {
                break;
            }

            sent.Dispose(); // a 401 answered: the same body again, with credentials
        }

        using var response = sent;
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                var pair = setCookie.Split(';', 2)[0];
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    _cookies[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
                }
            }
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        if (bytes.Length == 0 || CwmpReader.IsEmptyPost(bytes))
        {
            return (response.StatusCode, null, retryAfter);
        }

        return CwmpReader.TryRead(bytes, null, out var envelope, out _)
            ? (response.StatusCode, envelope, retryAfter)
            : (response.StatusCode, null, retryAfter);
    }

    private HttpRequestMessage Request(byte[]? body, bool inSession)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _options.AcsUrl);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/xml") { CharSet = "utf-8" };
            request.Headers.Add("SOAPAction", "");
        }
        else
        {
            request.Content = new ByteArrayContent([]);
        }

        Authorize(request, inSession);
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        return request;
    }
}
