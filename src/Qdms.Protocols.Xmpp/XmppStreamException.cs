namespace Qdms.Protocols.Xmpp;

/// <summary>The stream ended in error: a stream error from the server (its condition) or XML the client refuses.</summary>
public sealed class XmppStreamException(string condition, string message, Exception? inner = null) : XmppException(message, inner)
{
    /// <summary>The stream error condition (RFC 6120 §4.9.3), such as <c>not-well-formed</c> or <c>policy-violation</c>.</summary>
    public string Condition { get; } = condition;
}
