using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>
/// Inform (TR-069 Annex A.3.3.1): the first message of every session. Tolerant of CPEs that leave out
/// MaxEnvelopes (taken as 1), CurrentTime (Unknown Time), RetryCount (0), Event or ParameterList (empty).
/// </summary>
/// <param name="DeviceId">The CPE's identity.</param>
/// <param name="Events">Why the session was opened.</param>
/// <param name="MaxEnvelopes">Envelopes the CPE accepts per HTTP response (1).</param>
/// <param name="CurrentTime">The CPE's clock.</param>
/// <param name="RetryCount">Failed session attempts since the last success.</param>
/// <param name="ParameterList">Forced inform parameters and changed values.</param>
public sealed record InformRequest(
    DeviceId DeviceId, CwmpList<InformEvent> Events, uint MaxEnvelopes, DateTimeOffset CurrentTime, uint RetryCount,
    CwmpList<ParameterValue> ParameterList) : CwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "Inform";

    /// <inheritdoc />
    public override string MethodName => Name;

    internal static InformRequest Read(XmlElementNode node)
    {
        var items = node.Items("Event");
        var events = new InformEvent[items.Count];
        for (var i = 0; i < events.Length; i++)
            events[i] = InformEvent.Read(items[i]);
        return new(DeviceId.Read(node.Required("DeviceId")), CwmpList.Wrap(events), node.UInt("MaxEnvelopes", 1),
            node.Time("CurrentTime"), node.UInt("RetryCount"), ParameterValue.ReadList(node, "ParameterList"));
    }

    private protected override void WriteContent(CwmpXmlWriter writer)
    {
        DeviceId.Write(writer);
        writer.OpenArray("Event"u8, "cwmp:EventStruct"u8, Events.Count);
        foreach (var item in Events)
            item.Write(writer);
        writer.Close("Event"u8);
        writer.Element("MaxEnvelopes"u8, MaxEnvelopes);
        writer.Element("CurrentTime"u8, CurrentTime);
        writer.Element("RetryCount"u8, RetryCount);
        ParameterValue.WriteList(writer, ParameterList);
    }
}
