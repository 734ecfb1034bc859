using System.Xml.Linq;

namespace Qdms.Engines.Tr069.ConnectionRequests;

/// <summary>
/// The Annex K connection request (TR-069 Amendment 6 Annex K.2.2): an iq of type get to the CPE's ConnReqJabberID with
/// <code>
/// &lt;connectionRequest xmlns="urn:broadband-forum-org:cwmp:xmppConnReq-1-0"&gt;
///   &lt;username&gt;ConnectionRequestUsername&lt;/username&gt;&lt;password&gt;ConnectionRequestPassword&lt;/password&gt;
/// &lt;/connectionRequest&gt;
/// </code>
/// The CPE answers an empty iq result when it accepts (and then opens a session with <c>6 CONNECTION REQUEST</c>), or an iq
/// error: <c>not-authorized</c> for wrong credentials, <c>service-unavailable</c> when it will not (or the server when the
/// JID is offline or unknown).
/// </summary>
internal static class XmppConnectionRequestIq
{
    /// <summary>The Annex K namespace.</summary>
    public static readonly XNamespace Namespace = "urn:broadband-forum-org:cwmp:xmppConnReq-1-0";

    /// <summary>The iq's payload for <paramref name="username"/> and <paramref name="password"/>.</summary>
    public static XElement Payload(string username, string password) =>
        new(Namespace + "connectionRequest", new XElement(Namespace + "username", username), new XElement(Namespace + "password", password));
}
