namespace Qdms.Tools.CpeSim;

/// <summary>How a simulated CPE checks connection requests (TR-069 §3.2.2 requires Digest; the others are quirks of real CPEs).</summary>
public enum CpeConnectionRequestAuth
{
    /// <summary>Digest with MD5 and qop auth: what most CPEs offer.</summary>
    Digest,

    /// <summary>Two Digest challenges, SHA-256 first and MD5 (RFC 7616 §3.7); either answer is accepted.</summary>
    DigestSha256,

    /// <summary>HTTP Basic only (a quirk of old CPEs).</summary>
    Basic,

    /// <summary>No credentials asked at all.</summary>
    None,
}
