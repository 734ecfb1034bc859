using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>AllQueuedTransferStruct (TR-069 Annex A.4.1.7): one transfer the CPE has queued or is running.</summary>
/// <param name="CommandKey">The CommandKey of the Download or Upload.</param>
/// <param name="State">1 not yet started, 2 in progress, 3 completed.</param>
/// <param name="IsDownload">True for a download, false for an upload.</param>
/// <param name="FileType">File type, e.g. "1 Firmware Upgrade Image".</param>
/// <param name="FileSize">Size in bytes (0 if unknown).</param>
/// <param name="TargetFileName">Target file name (may be empty).</param>
public sealed record QueuedTransfer(string CommandKey, int State, bool IsDownload, string FileType, uint FileSize, string TargetFileName)
{
    internal static QueuedTransfer Read(XmlElementNode node) =>
        new(node.String("CommandKey"), node.Int("State"), node.Bool("IsDownload"), node.Trimmed("FileType"),
            node.UInt("FileSize"), node.String("TargetFileName"));

    internal void Write(CwmpXmlWriter writer)
    {
        writer.Open("AllQueuedTransferStruct"u8);
        writer.Element("CommandKey"u8, CommandKey);
        writer.Element("State"u8, State);
        writer.Element("IsDownload"u8, IsDownload);
        writer.Element("FileType"u8, FileType);
        writer.Element("FileSize"u8, FileSize);
        writer.Element("TargetFileName"u8, TargetFileName);
        writer.Close("AllQueuedTransferStruct"u8);
    }
}
