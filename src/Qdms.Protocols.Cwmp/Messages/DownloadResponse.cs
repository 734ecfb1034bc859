using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>DownloadResponse (TR-069 Annex A.3.2.8).</summary>
/// <param name="Status">0 done and applied, 1 not yet (TransferComplete follows).</param>
/// <param name="StartTime">Transfer start (Unknown Time when Status is 1).</param>
/// <param name="CompleteTime">Transfer end (Unknown Time when Status is 1).</param>
public sealed record DownloadResponse(int Status, DateTimeOffset StartTime, DateTimeOffset CompleteTime) : CwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "DownloadResponse";

    /// <inheritdoc />
    public override string MethodName => Name;

    internal static DownloadResponse Read(XmlElementNode node) =>
        new(node.Int("Status"), node.Time("StartTime"), node.Time("CompleteTime"));

    private protected override void WriteContent(CwmpXmlWriter writer)
    {
        writer.Element("Status"u8, Status);
        writer.Element("StartTime"u8, StartTime);
        writer.Element("CompleteTime"u8, CompleteTime);
    }
}
