using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>GetParameterNames (TR-069 Annex A.3.2.3): discover the data model below a path.</summary>
/// <param name="ParameterPath">A full parameter name, a partial path ending in a dot, or empty for the root.</param>
/// <param name="NextLevel">True for the next level only, false for the whole subtree.</param>
public sealed record GetParameterNamesRequest(string ParameterPath, bool NextLevel) : CwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "GetParameterNames";

    /// <inheritdoc />
    public override string MethodName => Name;

    internal static GetParameterNamesRequest Read(XmlElementNode node) => new(node.Trimmed("ParameterPath"), node.Bool("NextLevel"));

    private protected override void WriteContent(CwmpXmlWriter writer)
    {
        writer.Element("ParameterPath"u8, ParameterPath);
        writer.Element("NextLevel"u8, NextLevel);
    }
}
