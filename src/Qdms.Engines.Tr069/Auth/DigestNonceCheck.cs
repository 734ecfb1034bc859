namespace Qdms.Engines.Tr069.Auth;

/// <summary>What <see cref="DigestNonces.Check"/> found.</summary>
internal enum DigestNonceCheck
{
    /// <summary>Not a nonce of this engine (or altered).</summary>
    Invalid,

    /// <summary>Ours, and younger than the lifetime.</summary>
    Fresh,

    /// <summary>Ours, but older than the lifetime: challenge again with <c>stale=true</c>.</summary>
    Stale,
}
