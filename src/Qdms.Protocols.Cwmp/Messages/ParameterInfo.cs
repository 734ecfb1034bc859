using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>ParameterInfoStruct (TR-069 Annex A.3.2.3): a parameter or object name and whether it is writable.</summary>
/// <param name="Name">Parameter name, or an object name ending in a dot.</param>
/// <param name="Writable">Whether SetParameterValues (or AddObject/DeleteObject for objects) may change it.</param>
public sealed record ParameterInfo(string Name, bool Writable)
{
    internal static ParameterInfo Read(XmlElementNode node) =>
        new(node.Required("Name").Text.Trim(), node.Bool("Writable"));

    internal void Write(CwmpXmlWriter writer)
    {
        writer.Open("ParameterInfoStruct"u8);
        writer.Element("Name"u8, Name);
        writer.Element("Writable"u8, Writable);
        writer.Close("ParameterInfoStruct"u8);
    }
}
