using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>UploadResponse (TR-069 Annex A.4.1.5).</summary>
/// <param name="Status">0 done, 1 not yet (TransferComplete follows).</param>
/// <param name="StartTime">Transfer start.</param>
/// <param name="CompleteTime">Transfer end.</param>
public sealed record UploadResponse(int Status, DateTimeOffset StartTime, DateTimeOffset CompleteTime) : CwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "UploadResponse";

    /// <inheritdoc />
    public override string MethodName => Name;

    internal static UploadResponse Read(XmlElementNode node) =>
        new(node.Int("Status"), node.Time("StartTime"), node.Time("CompleteTime"));

    private protected override void WriteContent(CwmpXmlWriter writer)
    {
        writer.Element("Status"u8, Status);
        writer.Element("StartTime"u8, StartTime);
        writer.Element("CompleteTime"u8, CompleteTime);
    }
}
