using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>GetParameterAttributesResponse (TR-069 Annex A.3.2.5).</summary>
/// <param name="ParameterList">Attributes of each parameter.</param>
public sealed record GetParameterAttributesResponse(CwmpList<ParameterAttribute> ParameterList) : CwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "GetParameterAttributesResponse";

    /// <inheritdoc />
    public override string MethodName => Name;

    internal static GetParameterAttributesResponse Read(XmlElementNode node)
    {
        var items = node.Items("ParameterList");
        var list = new ParameterAttribute[items.Count];
        for (var i = 0; i < list.Length; i++)
            list[i] = ParameterAttribute.Read(items[i]);
        return new(CwmpList.Wrap(list));
    }

    private protected override void WriteContent(CwmpXmlWriter writer)
    {
        writer.OpenArray("ParameterList"u8, "cwmp:ParameterAttributeStruct"u8, ParameterList.Count);
        foreach (var item in ParameterList)
            item.Write(writer);
        writer.Close("ParameterList"u8);
    }
}
