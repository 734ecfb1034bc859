namespace Qdms.Protocols.Xmpp;

/// <summary>The server (or the addressee of an iq) did not answer in time.</summary>
public sealed class XmppTimeoutException(string message) : XmppException(message);
