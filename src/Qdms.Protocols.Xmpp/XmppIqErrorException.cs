using System.Xml.Linq;

namespace Qdms.Protocols.Xmpp;

/// <summary>
/// An iq error (RFC 6120 §8.3): thrown by <see cref="XmppClient.SendIqAsync"/> when the addressee or the server answered
/// with one, and thrown by an iq handler to answer with one.
/// </summary>
public sealed class XmppIqErrorException(string condition, string errorType = "cancel", string? text = null)
    : XmppException(text is null ? $"iq error {condition} ({errorType})" : $"iq error {condition} ({errorType}): {text}")
{
    /// <summary>The defined condition, such as <c>service-unavailable</c>, <c>not-authorized</c> or <c>item-not-found</c>.</summary>
    public string Condition { get; } = condition;

    /// <summary>The error type: <c>cancel</c>, <c>auth</c>, <c>modify</c>, <c>wait</c> or <c>continue</c>.</summary>
    public string ErrorType { get; } = errorType;

    /// <summary>The optional human-readable text.</summary>
    public string? Text { get; } = text;

    /// <summary>Reads the <c>&lt;error/&gt;</c> child of an iq of type error.</summary>
    internal static XmppIqErrorException From(XElement iq)
    {
        var error = iq.Elements().FirstOrDefault(e => e.Name.LocalName == "error");
        var condition = error?.Elements().FirstOrDefault(e => e.Name.Namespace == XmppNamespaces.Stanzas && e.Name.LocalName != "text")?.Name.LocalName
            ?? "undefined-condition";
        var text = error?.Element(XmppNamespaces.Stanzas + "text")?.Value;
        return new XmppIqErrorException(condition, (string?)error?.Attribute("type") ?? "cancel", text);
    }

    /// <summary>The <c>&lt;error/&gt;</c> element that answers with this error.</summary>
    internal XElement ToElement() =>
        new("error", new XAttribute("type", ErrorType), new XElement(XmppNamespaces.Stanzas + Condition),
            Text is null ? null : new XElement(XmppNamespaces.Stanzas + "text", Text));
}
