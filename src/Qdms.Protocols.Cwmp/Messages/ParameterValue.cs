using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>
/// ParameterValueStruct (TR-069 Annex A.3.2.1): a parameter's full name, its value as the text on the wire, and the
/// local name of its xsi:type ("string", "unsignedInt", "boolean", "dateTime", "base64" …; "string" when the CPE sent none).
/// </summary>
/// <param name="Name">Full parameter name, e.g. "Device.DeviceInfo.SoftwareVersion".</param>
/// <param name="Value">The value's text exactly as sent.</param>
/// <param name="Type">The xsi:type without its prefix; written back as <c>xsd:Type</c>.</param>
public sealed record ParameterValue(string Name, string Value, string Type = XsdTypes.String)
{
    internal static ParameterValue Read(XmlElementNode node)
    {
        var name = node.Required("Name").Text.Trim();
        var value = node.Child("Value");
        return new ParameterValue(name, value?.Text ?? "", XsdTypes.FromXsiType(value?.XsiType));
    }

    internal void Write(CwmpXmlWriter writer)
    {
        writer.Open("ParameterValueStruct"u8);
        writer.Element("Name"u8, Name);
        writer.TypedValue(Type, Value);
        writer.Close("ParameterValueStruct"u8);
    }

    internal static CwmpList<ParameterValue> ReadList(XmlElementNode parent, string name)
    {
        var items = parent.Items(name);
        var result = new ParameterValue[items.Count];
        for (var i = 0; i < result.Length; i++)
            result[i] = Read(items[i]);
        return CwmpList.Wrap(result);
    }

    internal static void WriteList(CwmpXmlWriter writer, CwmpList<ParameterValue> list)
    {
        writer.OpenArray("ParameterList"u8, "cwmp:ParameterValueStruct"u8, list.Count);
        foreach (var item in list)
            item.Write(writer);
        writer.Close("ParameterList"u8);
    }
}
