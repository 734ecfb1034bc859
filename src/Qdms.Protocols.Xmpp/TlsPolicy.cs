namespace Qdms.Protocols.Xmpp;

/// <summary>Whether the client negotiates STARTTLS (RFC 6120 §5).</summary>
public enum TlsPolicy
{
    /// <summary>STARTTLS or nothing: a server that does not offer it is refused with <see cref="XmppTlsException"/>.</summary>
    Required,

    /// <summary>STARTTLS when the server offers it, plain TCP otherwise.</summary>
    IfOffered,

    /// <summary>Never STARTTLS (tests and loopback only); a server that requires TLS is refused.</summary>
    Never,
}
