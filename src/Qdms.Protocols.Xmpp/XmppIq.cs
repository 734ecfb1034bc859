using System.Xml.Linq;

namespace Qdms.Protocols.Xmpp;

/// <summary>An iq of type get or set addressed to this client (RFC 6120 §8.2.3).</summary>
/// <param name="Id">The requester's id (echoed in the answer).</param>
/// <param name="Type"><c>get</c> or <c>set</c>.</param>
/// <param name="From">The requester's full JID as the server stamped it.</param>
/// <param name="Payload">The one child element that says what is asked.</param>
public sealed record XmppIq(string Id, string Type, Jid? From, XElement Payload);
