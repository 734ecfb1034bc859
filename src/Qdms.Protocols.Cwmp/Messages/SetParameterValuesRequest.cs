using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>SetParameterValues (TR-069 Annex A.3.2.1): set parameters, all or none.</summary>
/// <param name="ParameterList">Names, values and types to set.</param>
/// <param name="ParameterKey">Value the CPE stores in ParameterKey when the set succeeds.</param>
public sealed record SetParameterValuesRequest(CwmpList<ParameterValue> ParameterList, string ParameterKey = "") : CwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "SetParameterValues";

    /// <inheritdoc />
    public override string MethodName => Name;

    internal static SetParameterValuesRequest Read(XmlElementNode node) =>
        new(ParameterValue.ReadList(node, "ParameterList"), node.String("ParameterKey"));

    private protected override void WriteContent(CwmpXmlWriter writer)
    {
        ParameterValue.WriteList(writer, ParameterList);
        writer.Element("ParameterKey"u8, ParameterKey);
    }
}
