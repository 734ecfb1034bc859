using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Qdms.Protocols.Cwmp.Xml;

/// <summary>
/// One element of a parsed envelope: names, its xsi:type, its text (leaves) or child elements.
/// Lookups by child name ignore case and namespace, because CPEs vary both (TR-069 says children are unqualified).
/// </summary>
internal sealed class XmlElementNode(string localName, string namespaceUri, int line, int column)
{
    private static readonly List<XmlElementNode> NoChildren = [];
    private List<XmlElementNode>? _children;

    public string LocalName { get; } = localName;
    public string NamespaceUri { get; } = namespaceUri;
    public int Line { get; } = line;
    public int Column { get; } = column;
    public string? XsiType { get; set; }

    /// <summary>Text content (CDATA included); only meaningful for elements without children.</summary>
    public string Text { get; set; } = "";

    public List<XmlElementNode> Children => _children ?? NoChildren;

    public void Add(XmlElementNode child)
    {
        Text = "";
        (_children ??= []).Add(child);
    }

    public XmlElementNode? Child(string name)
    {
        if (_children is null)
            return null;
        foreach (var child in _children)
        {
            if (string.Equals(child.LocalName, name, StringComparison.OrdinalIgnoreCase))
                return child;
        }
        return null;
    }

    public XmlElementNode Required(string name) => Child(name) ?? throw Invalid($"{LocalName} has no {name} element");

    /// <summary>The text of child <paramref name="name"/> as sent, or <paramref name="missing"/> when absent.</summary>
    public string String(string name, string missing = "") => Child(name)?.Text ?? missing;

    /// <summary>The text of child <paramref name="name"/> with surrounding whitespace removed (names, keys, URLs).</summary>
    public string Trimmed(string name, string missing = "") => Child(name)?.Text.Trim() ?? missing;

    public string? OptionalTrimmed(string name) => Child(name)?.Text.Trim();

    public uint UInt(string name, uint missing = 0)
    {
        var child = Child(name);
        if (child is null || child.Text.AsSpan().Trim().IsEmpty)
            return missing;
        return uint.TryParse(child.Text.AsSpan().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw child.Invalid($"{name} is not an unsignedInt: '{Shorten(child.Text)}'");
    }

    public int Int(string name, int missing = 0)
    {
        var child = Child(name);
        if (child is null || child.Text.AsSpan().Trim().IsEmpty)
            return missing;
        return int.TryParse(child.Text.AsSpan().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw child.Invalid($"{name} is not an int: '{Shorten(child.Text)}'");
    }

    public bool Bool(string name, bool missing = false)
    {
        var child = Child(name);
        if (child is null || child.Text.AsSpan().Trim().IsEmpty)
            return missing;
        return TryParseBoolean(child.Text, out var value)
            ? value
            : throw child.Invalid($"{name} is not a boolean: '{Shorten(child.Text)}'");
    }

    /// <summary>An xsd:dateTime; absent, empty or an all-zero date (a common CPE habit) is the Unknown Time.</summary>
    public DateTimeOffset Time(string name)
    {
        var child = Child(name);
        if (child is null)
            return CwmpTime.Unknown;
        return CwmpTime.TryParse(child.Text, out var value)
            ? value
            : throw child.Invalid($"{name} is not a dateTime: '{Shorten(child.Text)}'");
    }

    /// <summary>The items of SOAP array <paramref name="name"/>: its child elements, however many arrayType claims.</summary>
    public List<XmlElementNode> Items(string name) => Child(name)?.Children ?? NoChildren;

    public CwmpContentException Invalid(string message) =>
        new(new CwmpReadError(CwmpReadErrorKind.InvalidContent, message, Line, Column));

    public static bool TryParseBoolean(string text, out bool value)
    {
        var span = text.AsSpan().Trim();
        if (span.Equals("true", StringComparison.OrdinalIgnoreCase) || span.SequenceEqual("1"))
        {
            value = true;
            return true;
        }
        value = false;
        return span.Equals("false", StringComparison.OrdinalIgnoreCase) || span.SequenceEqual("0");
    }

    [return: NotNull]
    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
