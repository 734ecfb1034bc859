using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>AutonomousTransferComplete (TR-069 Annex A.3.3.3): a transfer the ACS did not ask for has finished.</summary>
/// <param name="AnnounceUrl">URL the transfer was announced on (multicast), or empty.</param>
/// <param name="TransferUrl">URL of the file.</param>
/// <param name="IsDownload">True for a download.</param>
/// <param name="FileType">File type.</param>
/// <param name="FileSize">Size in bytes.</param>
/// <param name="TargetFileName">Target file name.</param>
/// <param name="Fault">0 for success, else why it failed.</param>
/// <param name="StartTime">Transfer start.</param>
/// <param name="CompleteTime">Transfer end.</param>
public sealed record AutonomousTransferCompleteRequest(
    string AnnounceUrl, string TransferUrl, bool IsDownload, string FileType, uint FileSize, string TargetFileName,
    TransferFault Fault, DateTimeOffset StartTime, DateTimeOffset CompleteTime) : CwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "AutonomousTransferComplete";

    /// <inheritdoc />
    public override string MethodName => Name;

    internal static AutonomousTransferCompleteRequest Read(XmlElementNode node) =>
        new(node.Trimmed("AnnounceURL"), node.Trimmed("TransferURL"), node.Bool("IsDownload"), node.Trimmed("FileType"),
            node.UInt("FileSize"), node.String("TargetFileName"), TransferFault.Read(node.Child("FaultStruct")),
            node.Time("StartTime"), node.Time("CompleteTime"));

    private protected override void WriteContent(CwmpXmlWriter writer)
    {
        writer.Element("AnnounceURL"u8, AnnounceUrl);
        writer.Element("TransferURL"u8, TransferUrl);
        writer.Element("IsDownload"u8, IsDownload);
        writer.Element("FileType"u8, FileType);
        writer.Element("FileSize"u8, FileSize);
        writer.Element("TargetFileName"u8, TargetFileName);
        Fault.Write(writer, "FaultStruct"u8);
        writer.Element("StartTime"u8, StartTime);
        writer.Element("CompleteTime"u8, CompleteTime);
    }
}
