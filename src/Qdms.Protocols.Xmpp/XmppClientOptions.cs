namespace Qdms.Protocols.Xmpp;

/// <summary>How an <see cref="XmppClient"/> reaches and signs in to its server.</summary>
public sealed record XmppClientOptions
{
    /// <summary>The host name or address to connect to (the JID's domain is used for the stream and the certificate).</summary>
    public required string Host { get; init; }

    /// <summary>The c2s TCP port (5222).</summary>
    public int Port { get; init; } = 5222;

    /// <summary>The account's bare JID, <c>user@domain</c>.</summary>
    public required Jid Jid { get; init; }

    /// <summary>The account's password (never logged, never in an exception message).</summary>
    public required string Password { get; init; }

    /// <summary>The resource to ask for at bind (RFC 6120 §7); null lets the server pick one.</summary>
    public string? Resource { get; init; }

    /// <summary>Whether STARTTLS is required (the default), used when offered, or never used.</summary>
    public TlsPolicy Tls { get; init; } = TlsPolicy.Required;

    /// <summary>
    /// A certificate the client accepts even though it does not chain to a trusted root or name the domain: its SHA-1
    /// thumbprint (<c>X509Certificate2.Thumbprint</c>) or its SHA-256 hash, hex, colons and case ignored. Null: only
    /// certificates that validate.
    /// </summary>
    public string? PinnedCertificate { get; init; }

    /// <summary>Accepts any server certificate. For tests only: it turns TLS into encryption without authentication.</summary>
    public bool DisableCertificateValidation { get; init; }

    /// <summary>SASL mechanisms the client may use, in order of preference (SCRAM-SHA-1 then PLAIN).</summary>
    public IReadOnlyList<string> Mechanisms { get; init; } = [SaslMechanisms.ScramSha1, SaslMechanisms.Plain];

    /// <summary>Allows SASL PLAIN over a stream without TLS, which sends the password in the clear. Off by default.</summary>
    public bool AllowPlainWithoutTls { get; init; }

    /// <summary>Time allowed for connecting and the whole negotiation (TLS, SASL, bind).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time an iq waits for its result or error by default.</summary>
    public TimeSpan IqTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Interval of the whitespace keepalive (RFC 6120 §4.6.1); <see cref="TimeSpan.Zero"/> turns it off.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The largest stanza accepted from the server, in bytes; a larger one ends the stream.</summary>
    public int MaxStanzaBytes { get; init; } = 64 * 1024;

    /// <summary>The options without the password, for logs.</summary>
    public override string ToString() => $"XmppClientOptions {{ Server = {Host}:{Port}, Jid = {Jid}, Resource = {Resource}, Tls = {Tls} }}";
}
