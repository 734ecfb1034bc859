using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>GetAllQueuedTransfersResponse (TR-069 Annex A.4.1.7).</summary>
/// <param name="TransferList">The queued and running transfers.</param>
public sealed record GetAllQueuedTransfersResponse(CwmpList<QueuedTransfer> TransferList) : CwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "GetAllQueuedTransfersResponse";

    /// <inheritdoc />
    public override string MethodName => Name;

    internal static GetAllQueuedTransfersResponse Read(XmlElementNode node)
    {
        var items = node.Items("TransferList");
        var list = new QueuedTransfer[items.Count];
        for (var i = 0; i < list.Length; i++)
            list[i] = QueuedTransfer.Read(items[i]);
        return new(CwmpList.Wrap(list));
    }

    private protected override void WriteContent(CwmpXmlWriter writer)
    {
        writer.OpenArray("TransferList"u8, "cwmp:AllQueuedTransferStruct"u8, TransferList.Count);
        foreach (var item in TransferList)
            item.Write(writer);
        writer.Close("TransferList"u8);
    }
}
