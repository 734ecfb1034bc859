using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>SetParameterAttributesStruct (TR-069 Annex A.3.2.4): which attributes of a parameter (or partial path) to change.</summary>
/// <param name="Name">Parameter name or partial path ending in a dot.</param>
/// <param name="NotificationChange">Whether <paramref name="Notification"/> is to be applied.</param>
/// <param name="Notification">0 off, 1 passive, 2 active.</param>
/// <param name="AccessListChange">Whether <paramref name="AccessList"/> is to be applied.</param>
/// <param name="AccessList">The new access list.</param>
public sealed record ParameterAttributeChange(
    string Name, bool NotificationChange, int Notification, bool AccessListChange, CwmpList<string> AccessList)
{
    internal static ParameterAttributeChange Read(XmlElementNode node) =>
        new(node.Required("Name").Text.Trim(), node.Bool("NotificationChange"), node.Int("Notification"),
            node.Bool("AccessListChange"), Strings.ReadArray(node, "AccessList"));

    internal void Write(CwmpXmlWriter writer)
    {
        writer.Open("SetParameterAttributesStruct"u8);
        writer.Element("Name"u8, Name);
        writer.Element("NotificationChange"u8, NotificationChange);
        writer.Element("Notification"u8, Notification);
        writer.Element("AccessListChange"u8, AccessListChange);
        writer.StringArray("AccessList"u8, AccessList);
        writer.Close("SetParameterAttributesStruct"u8);
    }
}
