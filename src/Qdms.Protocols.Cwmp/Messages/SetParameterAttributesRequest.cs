using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>SetParameterAttributes (TR-069 Annex A.3.2.4): change notification and access-list attributes.</summary>
/// <param name="ParameterList">The changes.</param>
public sealed record SetParameterAttributesRequest(CwmpList<ParameterAttributeChange> ParameterList) : CwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "SetParameterAttributes";

    /// <inheritdoc />
    public override string MethodName => Name;

    internal static SetParameterAttributesRequest Read(XmlElementNode node)
    {
        var items = node.Items("ParameterList");
        var list = new ParameterAttributeChange[items.Count];
        for (var i = 0; i < list.Length; i++)
            list[i] = ParameterAttributeChange.Read(items[i]);
        return new(CwmpList.Wrap(list));
    }

    private protected override void WriteContent(CwmpXmlWriter writer)
    {
        writer.OpenArray("ParameterList"u8, "cwmp:SetParameterAttributesStruct"u8, ParameterList.Count);
        foreach (var item in ParameterList)
            item.Write(writer);
        writer.Close("ParameterList"u8);
    }
}
