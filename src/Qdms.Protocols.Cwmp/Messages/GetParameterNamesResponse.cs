using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>GetParameterNamesResponse (TR-069 Annex A.3.2.3).</summary>
/// <param name="ParameterList">Names found and whether each is writable.</param>
public sealed record GetParameterNamesResponse(CwmpList<ParameterInfo> ParameterList) : CwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "GetParameterNamesResponse";

    /// <inheritdoc />
    public override string MethodName => Name;

    internal static GetParameterNamesResponse Read(XmlElementNode node)
    {
        var items = node.Items("ParameterList");
        var list = new ParameterInfo[items.Count];
        for (var i = 0; i < list.Length; i++)
            list[i] = ParameterInfo.Read(items[i]);
        return new(CwmpList.Wrap(list));
    }

    private protected override void WriteContent(CwmpXmlWriter writer)
    {
        writer.OpenArray("ParameterList"u8, "cwmp:ParameterInfoStruct"u8, ParameterList.Count);
        foreach (var item in ParameterList)
            item.Write(writer);
        writer.Close("ParameterList"u8);
    }
}
