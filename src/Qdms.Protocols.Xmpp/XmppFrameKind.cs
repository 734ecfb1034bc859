namespace Qdms.Protocols.Xmpp;

/// <summary>What the framer found in the stream.</summary>
internal enum XmppFrameKind
{
    /// <summary>The server's <c>&lt;stream:stream&gt;</c> opening tag.</summary>
    StreamHeader,

    /// <summary>A complete first-level element: a stanza, features, a SASL or TLS element, a stream error.</summary>
    Element,

    /// <summary>The server's <c>&lt;/stream:stream&gt;</c>, or the connection closed.</summary>
    StreamEnd,
}
