using System.Xml.Linq;

namespace Qdms.Protocols.Xmpp;

/// <summary>
/// Answers an iq addressed to the client: return the result's payload (or null for an empty result), or throw
/// <see cref="XmppIqErrorException"/> to answer with that error. Any other exception answers <c>internal-server-error</c>.
/// </summary>
public delegate Task<XElement?> XmppIqHandler(XmppIq iq, CancellationToken ct);
