using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>GetQueuedTransfersResponse (TR-069 Annex A.4.1.1).</summary>
/// <param name="TransferList">The ACS-requested transfers and their states.</param>
public sealed record GetQueuedTransfersResponse(CwmpList<TransferState> TransferList) : CwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "GetQueuedTransfersResponse";

    /// <inheritdoc />
    public override string MethodName => Name;

    internal static GetQueuedTransfersResponse Read(XmlElementNode node)
    {
        var items = node.Items("TransferList");
        var list = new TransferState[items.Count];
        for (var i = 0; i < list.Length; i++)
            list[i] = TransferState.Read(items[i]);
        return new(CwmpList.Wrap(list));
    }

    private protected override void WriteContent(CwmpXmlWriter writer)
    {
        writer.OpenArray("TransferList"u8, "cwmp:QueuedTransferStruct"u8, TransferList.Count);
        foreach (var item in TransferList)
            item.Write(writer);
        writer.Close("TransferList"u8);
    }
}
