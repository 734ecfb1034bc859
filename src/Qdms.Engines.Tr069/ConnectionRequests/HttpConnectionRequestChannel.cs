using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Qdms.Engines.Tr069.ConnectionRequests;

/// <summary>
/// Connection requests over HTTP (TR-069 §3.2.2): a GET to the CPE's ConnectionRequestURL, answered 401 with a challenge, then
/// the GET again with Digest credentials (RFC 7616: SHA-256 preferred, MD5, their -sess forms; qop auth). HTTP Basic only
/// when <see cref="ConnectionRequestOptions.AllowBasic"/> is set and the CPE offers no Digest. 200 or 204 means accepted.
/// </summary>
/// <remarks>
/// The URL comes from the device, so the request is kept harmless: http and https only, no redirects, no proxy, no cookies,
/// the body is never read or shown, and with <see cref="ConnectionRequestOptions.AllowedNetworks"/> set only those networks
/// are connected to.
/// </remarks>
internal sealed class HttpConnectionRequestChannel : IConnectionRequestChannel, IDisposable
{
    private readonly HttpClient _client;
    private readonly ConnectionRequestOptions _options;
    private readonly ILogger _logger;

    public HttpConnectionRequestChannel(ConnectionRequestOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = options.Timeout,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(10),
            MaxResponseHeadersLength = 16, // KiB: a CPE's answer is a status line and a challenge
        };
        if (options.AllowedNetworks.Count > 0)
        {
            handler.ConnectCallback = (context, ct) => ConnectionRequestGuard.ConnectAsync(options.AllowedNetworks, context.DnsEndPoint, ct);
        }

        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public string Name => "http";

    public bool CanReach(ConnectionRequestTarget target) => !string.IsNullOrWhiteSpace(target.Url);

    public async Task SendAsync(ConnectionRequestTarget target, CancellationToken ct)
    {
        if (!Uri.TryCreate(target.Url?.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Host.Length == 0)
        {
            throw new ConnectionRequestException($"the ConnectionRequestURL '{target.Url}' is not an http or https URL");
        }

        var (status, challenges) = await GetAsync(url, null, ct);
        if (status is HttpStatusCode.OK or HttpStatusCode.NoContent)
        {
            return; // a CPE that asks for no credentials
        }

        if (status != HttpStatusCode.Unauthorized)
        {
            throw Refusal(status);
        }

        var authorization = Authorization(url, challenges, target);
        (status, _) = await GetAsync(url, authorization, ct);
        if (status is HttpStatusCode.OK or HttpStatusCode.NoContent)
        {
            return;
        }

        if (status == HttpStatusCode.Unauthorized)
        {
            throw new ConnectionRequestException(target.Username.Length == 0
                ? $"the CPE refused the credentials ({authorization.Scheme}): the engine has no connectionRequestUsername configured"
                : $"the CPE refused the credentials ({authorization.Scheme}): it expects another ConnectionRequestUsername/Password");
        }

        throw Refusal(status);
    }

    public void Dispose() => _client.Dispose();

    /// <summary>Digest for the best supported Digest challenge; Basic only when allowed and no Digest was offered.</summary>
    private AuthenticationHeaderValue Authorization(Uri url, IReadOnlyList<AuthenticationHeaderValue> challenges, ConnectionRequestTarget target)
    {
        var digest = challenges
            .Where(c => c.Scheme.Equals("Digest", StringComparison.OrdinalIgnoreCase))
            .Select(c => DigestChallenge.TryParse(c.Parameter))
            .OfType<DigestChallenge>()
            .MaxBy(c => c.Algorithm.Preference);
        if (digest is not null)
        {
            var cnonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            return new AuthenticationHeaderValue("Digest", digest.Answer("GET", url.PathAndQuery, target.Username, target.Password, cnonce, 1));
        }

        var offered = challenges.Count == 0 ? "no challenge" : string.Join(", ", challenges.Select(c => c.Scheme).Distinct(StringComparer.OrdinalIgnoreCase));
        if (challenges.Any(c => c.Scheme.Equals("Digest", StringComparison.OrdinalIgnoreCase)))
        {
            throw new ConnectionRequestException("the CPE's Digest challenge names an algorithm or qop this ACS does not support (it supports SHA-256, MD5 and their -sess forms with qop auth)");
        }

        if (!challenges.Any(c => c.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)))
        {
            throw new ConnectionRequestException($"the CPE answered 401 with {offered}, neither Digest nor Basic");
        }

        if (!_options.AllowBasic)
        {
            throw new ConnectionRequestException("the CPE asks for HTTP Basic, which this engine does not send (set connectionRequestAllowBasic to allow it)");
        }

        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{target.Username}:{target.Password}")));
    }

    private async Task<(HttpStatusCode Status, IReadOnlyList<AuthenticationHeaderValue> Challenges)> GetAsync(Uri url, AuthenticationHeaderValue? authorization, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = authorization;
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return (response.StatusCode, [.. response.Headers.WwwAuthenticate]);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw Unreachable(url, $"no answer within {_options.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e) when (e.InnerException is ConnectionRequestException refused)
        {
            throw refused;
        }
        catch (HttpRequestException e)
        {
            ConnectionRequestLog.Unreachable(_logger, url.GetLeftPart(UriPartial.Authority), e.Message);
            throw Unreachable(url, e.InnerException is SocketException s ? Describe(s.SocketErrorCode) : e.Message);
        }
    }

    private static string Describe(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.HostNotFound or SocketError.NoData => "host not found",
        SocketError.HostUnreachable or SocketError.NetworkUnreachable => "no route to host",
        SocketError.TimedOut => "connect timed out",
        _ => error.ToString(),
    };

    private static ConnectionRequestException Unreachable(Uri url, string why) => new(
        $"the CPE is unreachable at {url.GetLeftPart(UriPartial.Authority)}: {why}. A CPE behind NAT cannot be reached from the ACS; "
        + "TR-069 Annex G (STUN with UDP connection requests) or Annex K (XMPP) is the way to wake it.");

    private static ConnectionRequestException Refusal(HttpStatusCode status) => new(status == HttpStatusCode.ServiceUnavailable
        ? "the CPE answered 503 Service Unavailable (busy, or already in a session with the ACS)"
        : $"the CPE answered {(int)status} {status} instead of 200 or 204");
}
