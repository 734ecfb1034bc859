using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>ScheduleInform (TR-069 Annex A.4.1.2): ask for one extra Inform after a delay.</summary>
/// <param name="DelaySeconds">Seconds from now.</param>
/// <param name="CommandKey">Key echoed back in the "M ScheduleInform" event.</param>
public sealed record ScheduleInformRequest(uint DelaySeconds, string CommandKey = "") : CwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "ScheduleInform";

    /// <inheritdoc />
    public override string MethodName => Name;

    internal static ScheduleInformRequest Read(XmlElementNode node) => new(node.UInt("DelaySeconds"), node.String("CommandKey"));

    private protected override void WriteContent(CwmpXmlWriter writer)
    {
        writer.Element("DelaySeconds"u8, DelaySeconds);
        writer.Element("CommandKey"u8, CommandKey);
    }
}
