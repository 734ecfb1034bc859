using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>DeviceIdStruct (TR-069 Annex A.3.3.1): the identity a CPE announces in every Inform.</summary>
/// <param name="Manufacturer">Manufacturer name.</param>
/// <param name="Oui">Organizationally unique identifier, six hex digits.</param>
/// <param name="ProductClass">Product class (may be empty).</param>
/// <param name="SerialNumber">Serial number.</param>
public sealed record DeviceId(string Manufacturer, string Oui, string ProductClass, string SerialNumber)
{
    internal static DeviceId Read(XmlElementNode node) =>
        new(node.Trimmed("Manufacturer"), node.Required("OUI").Text.Trim(), node.Trimmed("ProductClass"),
            node.Required("SerialNumber").Text.Trim());

    internal void Write(CwmpXmlWriter writer)
    {
        writer.Open("DeviceId"u8);
        writer.Element("Manufacturer"u8, Manufacturer);
        writer.Element("OUI"u8, Oui);
        writer.Element("ProductClass"u8, ProductClass);
        writer.Element("SerialNumber"u8, SerialNumber);
        writer.Close("DeviceId"u8);
    }
}
