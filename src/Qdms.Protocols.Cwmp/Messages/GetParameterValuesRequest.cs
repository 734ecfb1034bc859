using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>GetParameterValues (TR-069 Annex A.3.2.2): read parameters; a name ending in a dot reads a whole subtree.</summary>
/// <param name="ParameterNames">Full names or partial paths.</param>
public sealed record GetParameterValuesRequest(CwmpList<string> ParameterNames) : CwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "GetParameterValues";

    /// <inheritdoc />
    public override string MethodName => Name;

    internal static GetParameterValuesRequest Read(XmlElementNode node) => new(Strings.ReadArray(node, "ParameterNames"));

    private protected override void WriteContent(CwmpXmlWriter writer) => writer.StringArray("ParameterNames"u8, ParameterNames);
}
