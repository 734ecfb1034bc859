namespace Qdms.Protocols.Xmpp;

/// <summary>The server could not be reached (refused, unreachable, name not found) or the connection broke.</summary>
public sealed class XmppConnectionException(string message, Exception? inner = null) : XmppException(message, inner);
