namespace Qdms.Protocols.Xmpp;

/// <summary>TLS could not be used as the options require: not offered, refused, or the certificate did not validate.</summary>
public sealed class XmppTlsException(string message, Exception? inner = null) : XmppException(message, inner);
