using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>ParameterAttributeStruct (TR-069 Annex A.3.2.5): a parameter's notification setting and access list.</summary>
/// <param name="Name">Parameter name.</param>
/// <param name="Notification">0 off, 1 passive, 2 active (3–6 reserved).</param>
/// <param name="AccessList">Entities besides the ACS that may write it ("Subscriber").</param>
public sealed record ParameterAttribute(string Name, int Notification, CwmpList<string> AccessList)
{
    internal static ParameterAttribute Read(XmlElementNode node) =>
        new(node.Required("Name").Text.Trim(), node.Int("Notification"), Strings.ReadArray(node, "AccessList"));

    internal void Write(CwmpXmlWriter writer)
    {
        writer.Open("ParameterAttributeStruct"u8);
        writer.Element("Name"u8, Name);
        writer.Element("Notification"u8, Notification);
        writer.StringArray("AccessList"u8, AccessList);
        writer.Close("ParameterAttributeStruct"u8);
    }
}
