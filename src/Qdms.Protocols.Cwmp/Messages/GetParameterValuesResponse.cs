using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>GetParameterValuesResponse (TR-069 Annex A.3.2.2).</summary>
/// <param name="ParameterList">The values read.</param>
public sealed record GetParameterValuesResponse(CwmpList<ParameterValue> ParameterList) : CwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "GetParameterValuesResponse";

    /// <inheritdoc />
    public override string MethodName => Name;

    internal static GetParameterValuesResponse Read(XmlElementNode node) => new(ParameterValue.ReadList(node, "ParameterList"));

    private protected override void WriteContent(CwmpXmlWriter writer) => ParameterValue.WriteList(writer, ParameterList);
}
