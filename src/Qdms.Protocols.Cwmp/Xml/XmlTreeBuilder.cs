using System.Xml;

namespace Qdms.Protocols.Cwmp.Xml;

/// <summary>
/// Reads a whole envelope into <see cref="XmlElementNode"/>s with an <see cref="XmlReader"/> that never processes a DTD
/// and never resolves anything, checking element count, depth and string length as it goes.
/// </summary>
internal static class XmlTreeBuilder
{
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    public static XmlReaderSettings Settings(CwmpReaderLimits limits) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        CheckCharacters = true,
        CloseInput = false,
        MaxCharactersInDocument = limits.MaxBytes,
        MaxCharactersFromEntities = 1024,
    };

    /// <summary>Builds the tree; <paramref name="declaredVersion"/> is the first CWMP namespace seen in an element or xmlns declaration.</summary>
    public static XmlElementNode Build(XmlReader reader, CwmpReaderLimits limits, out CwmpVersion? declaredVersion)
    {
        declaredVersion = null;
        var lineInfo = (IXmlLineInfo)reader;
        var stack = new Stack<XmlElementNode>();
        XmlElementNode? root = null;
        var elements = 0;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (++elements > limits.MaxElements)
                        throw Limit(CwmpReadErrorKind.TooManyElements, $"more than {limits.MaxElements} elements", lineInfo);
                    if (reader.Depth >= limits.MaxDepth)
                        throw Limit(CwmpReadErrorKind.TooDeep, $"elements nested deeper than {limits.MaxDepth}", lineInfo);
                    var node = new XmlElementNode(reader.LocalName, reader.NamespaceURI, lineInfo.LineNumber, lineInfo.LinePosition);
                    if (declaredVersion is null && CwmpNamespaces.TryGetVersion(node.NamespaceUri, out var elementVersion))
                        declaredVersion = elementVersion;
                    var isEmpty = reader.IsEmptyElement;
                    if (reader.MoveToFirstAttribute())
                    {
                        do
                        {
                            if (reader.Value.Length > limits.MaxStringLength)
                                throw Limit(CwmpReadErrorKind.StringTooLong, $"attribute {reader.Name} longer than {limits.MaxStringLength} characters", lineInfo);
                            if (reader.NamespaceURI == XmlnsNamespace)
                            {
                                if (declaredVersion is null && CwmpNamespaces.TryGetVersion(reader.Value, out var declared))
                                    declaredVersion = declared;
                            }
                            else if (reader.LocalName == "type" && reader.NamespaceURI.Contains("XMLSchema-instance", StringComparison.Ordinal))
                            {
                                node.XsiType = reader.Value;
                            }
                        }
                        while (reader.MoveToNextAttribute());
                        reader.MoveToElement();
                    }
                    if (stack.TryPeek(out var parent))
                        parent.Add(node);
                    else
                        root = node;
                    if (!isEmpty)
                        stack.Push(node);
                    break;
                case XmlNodeType.EndElement:
                    stack.Pop();
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    // Text beside child elements (indentation, mixed content) means nothing in CWMP: skip it.
                    if (stack.TryPeek(out var owner) && owner.Children.Count == 0)
                    {
                        var value = reader.Value;
                        if (owner.Text.Length + value.Length > limits.MaxStringLength)
                            throw Limit(CwmpReadErrorKind.StringTooLong, $"text of {owner.LocalName} longer than {limits.MaxStringLength} characters", lineInfo);
                        owner.Text = owner.Text.Length == 0 ? value : string.Concat(owner.Text, value);
                    }
                    break;
                case XmlNodeType.DocumentType:
                    throw Limit(CwmpReadErrorKind.DtdProhibited, "a DOCTYPE is not allowed", lineInfo);
                default:
                    break;
            }
        }
        return root ?? throw new CwmpContentException(new CwmpReadError(CwmpReadErrorKind.Malformed, "no root element"));
    }

    private static CwmpContentException Limit(CwmpReadErrorKind kind, string message, IXmlLineInfo lineInfo) =>
        new(new CwmpReadError(kind, message, lineInfo.LineNumber, lineInfo.LinePosition));
}
