using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>EventStruct (TR-069 Annex A.3.3.1): why the CPE opened the session, e.g. "1 BOOT" or "M Reboot".</summary>
/// <param name="EventCode">The event code, e.g. "0 BOOTSTRAP", "2 PERIODIC", "M Download".</param>
/// <param name="CommandKey">The CommandKey of the ACS request the event answers ("M …" events), else empty.</param>
public sealed record InformEvent(string EventCode, string CommandKey = "")
{
    internal static InformEvent Read(XmlElementNode node) =>
        new(node.Required("EventCode").Text.Trim(), node.String("CommandKey"));

    internal void Write(CwmpXmlWriter writer)
    {
        writer.Open("EventStruct"u8);
        writer.Element("EventCode"u8, EventCode);
        writer.Element("CommandKey"u8, CommandKey);
        writer.Close("EventStruct"u8);
    }
}
