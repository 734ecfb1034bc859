using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>TimeWindowStruct of ScheduleDownload (TR-069 Annex A.4.1.8).</summary>
/// <param name="WindowStart">Seconds from the request to the window's start.</param>
/// <param name="WindowEnd">Seconds from the request to the window's end.</param>
/// <param name="WindowMode">"1 At Any Time", "2 Immediately", "3 When Idle", "4 Confirmation Needed".</param>
/// <param name="UserMessage">Message shown to the user (may be empty).</param>
/// <param name="MaxRetries">Retries within the window; -1 for the CPE's own policy.</param>
public sealed record TimeWindow(uint WindowStart, uint WindowEnd, string WindowMode, string UserMessage = "", int MaxRetries = 0)
{
    internal static TimeWindow Read(XmlElementNode node) =>
        new(node.UInt("WindowStart"), node.UInt("WindowEnd"), node.Trimmed("WindowMode"), node.String("UserMessage"), node.Int("MaxRetries"));

    internal void Write(CwmpXmlWriter writer)
    {
        writer.Open("TimeWindowStruct"u8);
        writer.Element("WindowStart"u8, WindowStart);
        writer.Element("WindowEnd"u8, WindowEnd);
        writer.Element("WindowMode"u8, WindowMode);
        writer.Element("UserMessage"u8, UserMessage);
        writer.Element("MaxRetries"u8, MaxRetries);
        writer.Close("TimeWindowStruct"u8);
    }
}
