using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>QueuedTransferStruct of GetQueuedTransfersResponse (TR-069 Annex A.4.1.1).</summary>
/// <param name="CommandKey">The transfer's CommandKey.</param>
/// <param name="State">1 not yet started, 2 in progress, 3 completed.</param>
public sealed record TransferState(string CommandKey, int State)
{
    internal static TransferState Read(XmlElementNode node) => new(node.String("CommandKey"), node.Int("State"));

    internal void Write(CwmpXmlWriter writer)
    {
        writer.Open("QueuedTransferStruct"u8);
        writer.Element("CommandKey"u8, CommandKey);
        writer.Element("State"u8, State);
        writer.Close("QueuedTransferStruct"u8);
    }
}
