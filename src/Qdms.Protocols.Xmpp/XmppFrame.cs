using System.Xml.Linq;

namespace Qdms.Protocols.Xmpp;

/// <summary>One unit read from the stream: the header (as an empty element with its attributes), an element, or the end.</summary>
internal readonly record struct XmppFrame(XmppFrameKind Kind, XElement? Element);
