namespace Qdms.Protocols.Xmpp;

/// <summary>The base of every error the XMPP client reports.</summary>
public class XmppException(string message, Exception? inner = null) : Exception(message, inner);
