using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>GetParameterAttributes (TR-069 Annex A.3.2.5).</summary>
/// <param name="ParameterNames">Full names or partial paths.</param>
public sealed record GetParameterAttributesRequest(CwmpList<string> ParameterNames) : CwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "GetParameterAttributes";

    /// <inheritdoc />
    public override string MethodName => Name;

    internal static GetParameterAttributesRequest Read(XmlElementNode node) => new(Strings.ReadArray(node, "ParameterNames"));

    private protected override void WriteContent(CwmpXmlWriter writer) => writer.StringArray("ParameterNames"u8, ParameterNames);
}
