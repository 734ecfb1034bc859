namespace Qdms.Engines.Tr069.Auth;

/// <summary>The Digest response of RFC 7616 §3.4.1 for qop=auth, with MD5, SHA-256 and their <c>-sess</c> variants.</summary>
internal static class DigestHash
{
    /// <summary>The algorithm's canonical name, or null when the ACS does not support it (a missing algorithm means MD5).</summary>
    public static string? Canonical(string? algorithm) => algorithm?.ToUpperInvariant() switch
    {
        null or "MD5" => "MD5",
        "MD5-SESS" => "MD5-sess",
        "SHA-256" => "SHA-256",
        "SHA-256-SESS" => "SHA-256-sess",
        _ => null,
    };

    /// <summary>
    /// <c>H(A1):nonce:nc:cnonce:qop:H(A2)</c> hashed, where A1 = <c>user:realm:password</c> (for <c>-sess</c>:
    /// <c>H(user:realm:password):nonce:cnonce</c>) and A2 = <c>method:uri</c>; lower-case hex.
    /// </summary>
    public static string Response(
        string algorithm, string username, string realm, string password, string method, string uri, string nonce, string nc, string cnonce, string qop)
    {
        var ha1 = H(algorithm, $"{username}:{realm}:{password}");
        if (algorithm.EndsWith("-sess", StringComparison.Ordinal))
        {
            ha1 = H(algorithm, $"{ha1}:{nonce}:{cnonce}");
        }

        var ha2 = H(algorithm, $"{method}:{uri}");
        return H(algorithm, $"{ha1}:{nonce}:{nc}:{cnonce}:{qop}:{ha2}");
    }

    private static string H(string algorithm, string text) => ConnectionRequests.DigestAlgorithm.Find(algorithm)!.Hex(text);
}
