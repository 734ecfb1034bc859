namespace Qdms.Engines.Tr069.ConnectionRequests;

/// <summary>One <c>WWW-Authenticate: Digest …</c> challenge (RFC 7616 §3.3) with an algorithm this client supports.</summary>
/// <param name="Qop">The chosen quality of protection: <c>auth</c>, <c>auth-int</c>, or null for an RFC 2069 challenge without qop.</param>
internal sealed record DigestChallenge(string Realm, string Nonce, string? Opaque, DigestAlgorithm Algorithm, string? Qop)
{
    /// <summary>Reads a Digest challenge's parameters; null when the nonce is missing or the algorithm or every offered qop is unsupported.</summary>
    public static DigestChallenge? TryParse(string? parameters)
    {
        var map = AuthParameters.TryParse(parameters);
        if (map is null || !map.TryGetValue("nonce", out var nonce) || DigestAlgorithm.Find(map.GetValueOrDefault("algorithm")) is not { } algorithm)
        {
            return null;
        }

        string? qop = null;
        if (map.TryGetValue("qop", out var offered))
        {
            var options = offered.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            qop = options.Contains("auth", StringComparer.OrdinalIgnoreCase) ? "auth"
                : options.Contains("auth-int", StringComparer.OrdinalIgnoreCase) ? "auth-int"
                : null;
            if (qop is null)
            {
                return null;
            }
        }

        return new DigestChallenge(map.GetValueOrDefault("realm") ?? "", nonce, map.GetValueOrDefault("opaque"), algorithm, qop);
    }

    /// <summary>
    /// The <c>Authorization: Digest …</c> parameters answering this challenge for one request (RFC 7616 §3.4):
    /// <code>
    /// A1 = user:realm:password                 (-sess: H(user:realm:password):nonce:cnonce)
    /// A2 = method:uri                          (auth-int: method:uri:H(body), the body of a GET being empty)
    /// response = H(H(A1):nonce:nc:cnonce:qop:H(A2))    (no qop, RFC 2069: H(H(A1):nonce:H(A2)))
    /// </code>
    /// </summary>
    public string Answer(string method, string uri, string username, string password, string cnonce, int nonceCount)
    {
        var h = Algorithm;
        var nc = nonceCount.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        var ha1 = h.Hex($"{username}:{Realm}:{password}");
        if (h.Session)
        {
            ha1 = h.Hex($"{ha1}:{Nonce}:{cnonce}");
        }

        var ha2 = h.Hex(Qop == "auth-int" ? $"{method}:{uri}:{h.Hex("")}" : $"{method}:{uri}");
        var response = Qop is null ? h.Hex($"{ha1}:{Nonce}:{ha2}") : h.Hex($"{ha1}:{Nonce}:{nc}:{cnonce}:{Qop}:{ha2}");
        var parts = new List<string>
        {
            $"username={AuthParameters.Quote(username)}",
            $"realm={AuthParameters.Quote(Realm)}",
            $"nonce={AuthParameters.Quote(Nonce)}",
            $"uri={AuthParameters.Quote(uri)}",
            $"algorithm={h.Name}",
            $"response=\"{response}\"",
        };
        if (Qop is not null)
        {
            parts.Add($"qop={Qop}");
            parts.Add($"nc={nc}");
            parts.Add($"cnonce={AuthParameters.Quote(cnonce)}");
        }

        if (Opaque is not null)
        {
            parts.Add($"opaque={AuthParameters.Quote(Opaque)}");
        }

        return string.Join(", ", parts);
    }
}
