using System.Xml.Linq;

namespace Qdms.Protocols.Xmpp;

/// <summary>The XML namespaces of RFC 6120.</summary>
public static class XmppNamespaces
{
    /// <summary>The default namespace of a client stream.</summary>
    public static readonly XNamespace Client = "jabber:client";

    /// <summary>The stream element and stream errors' container.</summary>
    public static readonly XNamespace Streams = "http://etherx.jabber.org/streams";

    /// <summary>Stream error conditions (RFC 6120 §4.9.3).</summary>
    public static readonly XNamespace StreamErrors = "urn:ietf:params:xml:ns:xmpp-streams";

    /// <summary>Stanza error conditions (RFC 6120 §8.3.3).</summary>
    public static readonly XNamespace Stanzas = "urn:ietf:params:xml:ns:xmpp-stanzas";

    /// <summary>STARTTLS (RFC 6120 §5).</summary>
    public static readonly XNamespace Tls = "urn:ietf:params:xml:ns:xmpp-tls";

    /// <summary>SASL (RFC 6120 §6).</summary>
    public static readonly XNamespace Sasl = "urn:ietf:params:xml:ns:xmpp-sasl";

    /// <summary>Resource binding (RFC 6120 §7).</summary>
    public static readonly XNamespace Bind = "urn:ietf:params:xml:ns:xmpp-bind";

    /// <summary>The legacy session establishment of RFC 3921 that some servers still advertise.</summary>
    public static readonly XNamespace Session = "urn:ietf:params:xml:ns:xmpp-session";
}
