using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Qdms.Tools.CpeSim;

/// <summary>The CPE's side of HTTP authentication: Basic up front or when challenged, Digest (RFC 7616, MD5 and SHA-256, qop=auth).</summary>
public sealed partial class SimulatedCpe
{
    private DigestChallenge? _digest;
    private int _nc;
    private bool _basicChallenged;

    /// <summary>Times the ACS answered 401 with <c>stale=true</c> and the CPE retried with the new nonce.</summary>
    public int StaleNonces { get; private set; }

    /// <summary>The Digest algorithm of the last challenge answered (MD5, SHA-256), or null.</summary>
    public string? DigestAlgorithm => _digest?.Algorithm;

    private string? User => _options.Username?.Replace("{serial}", Serial, StringComparison.Ordinal);

    private string Password => (_options.Password ?? "").Replace("{serial}", Serial, StringComparison.Ordinal);

    /// <summary>Puts credentials on a request: Basic on every request (the quirk) or once challenged; Digest on an Inform once a nonce is known.</summary>
    private void Authorize(HttpRequestMessage request, bool inSession)
    {
        if (User is not { } user)
        {
            return;
        }

        if ((_options.AuthStyle == CpeAuthStyle.BasicOnEveryRequest && _digest is null) || _basicChallenged)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{Password}")));
        }
        else if (_digest is { } challenge && !inSession)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Digest", DigestAnswer(challenge, user, request));
        }
    }

    /// <summary>Reads a 401's challenges; true when the request is worth sending again with what they asked for.</summary>
    private bool Challenged(HttpResponseMessage response, HttpRequestMessage sent)
    {
        if (User is null || response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return false;
        }

        var digests = response.Headers.WwwAuthenticate
            .Where(h => h.Scheme.Equals("Digest", StringComparison.OrdinalIgnoreCase))
            .Select(h => DigestChallenge.Parse(h.Parameter ?? ""))
            .OfType<DigestChallenge>()
            .Where(c => c.QopAuth && c.Algorithm.ToUpperInvariant() is "MD5" or "SHA-256")
            .ToList();
        var chosen = digests.FirstOrDefault(c => string.Equals(c.Algorithm, _options.DigestAlgorithm, StringComparison.OrdinalIgnoreCase)) ?? digests.FirstOrDefault();
        var sentScheme = sent.Headers.Authorization?.Scheme;
        if (chosen is not null)
        {
            var retry = sentScheme != "Digest" || chosen.Stale;
            if (chosen.Stale && sentScheme == "Digest")
            {
                StaleNonces++;
            }

            _digest = chosen;
            _nc = 0;
            _basicChallenged = false;
            return retry;
        }

        if (response.Headers.WwwAuthenticate.Any(h => h.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)) && sentScheme != "Basic")
        {
            _basicChallenged = true;
            return true;
        }

        return false;
    }

    private string DigestAnswer(DigestChallenge c, string user, HttpRequestMessage request)
    {
        var uri = request.RequestUri!.PathAndQuery;
        var nc = (++_nc).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        var cnonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var ha1 = Hash(c.Algorithm, $"{user}:{c.Realm}:{Password}");
        var ha2 = Hash(c.Algorithm, $"{request.Method.Method}:{uri}");
        var response = Hash(c.Algorithm, $"{ha1}:{c.Nonce}:{nc}:{cnonce}:auth:{ha2}");
        var opaque = c.Opaque is null ? "" : $", opaque=\"{c.Opaque}\"";
        return $"username=\"{user}\", realm=\"{c.Realm}\", nonce=\"{c.Nonce}\", uri=\"{uri}\", algorithm={c.Algorithm}, qop=auth, nc={nc}, cnonce=\"{cnonce}\", response=\"{response}\"{opaque}";
    }

    private static string Hash(string algorithm, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return Convert.ToHexStringLower(algorithm.Equals("SHA-256", StringComparison.OrdinalIgnoreCase) ? SHA256.HashData(bytes) : MD5.HashData(bytes));
    }
}
