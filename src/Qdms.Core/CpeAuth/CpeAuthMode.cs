namespace Qdms.Core.CpeAuth;

/// <summary>How a TR-069 ACS checks who a CPE is when it opens a session (TR-069 §3.4.4).</summary>
public enum CpeAuthMode
{
    /// <summary>Every CPE is accepted; <c>Authorization</c> is not looked at.</summary>
    None,

    /// <summary>HTTP Basic (RFC 7617) or Digest; Basic only belongs on HTTPS.</summary>
    Basic,

    /// <summary>HTTP Digest only (RFC 7616, SHA-256 or MD5, qop=auth).</summary>
    Digest,
}
