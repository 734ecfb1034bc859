using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>TransferComplete (TR-069 Annex A.3.3.2): the outcome of an earlier Download or Upload.</summary>
/// <param name="CommandKey">The CommandKey of the Download or Upload.</param>
/// <param name="Fault">0 for success, else why it failed.</param>
/// <param name="StartTime">Transfer start.</param>
/// <param name="CompleteTime">Transfer end.</param>
public sealed record TransferCompleteRequest(
    string CommandKey, TransferFault Fault, DateTimeOffset StartTime, DateTimeOffset CompleteTime) : CwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "TransferComplete";

    /// <inheritdoc />
    public override string MethodName => Name;

    internal static TransferCompleteRequest Read(XmlElementNode node) =>
        new(node.String("CommandKey"), TransferFault.Read(node.Child("FaultStruct")), node.Time("StartTime"), node.Time("CompleteTime"));

    private protected override void WriteContent(CwmpXmlWriter writer)
    {
        writer.Element("CommandKey"u8, CommandKey);
        Fault.Write(writer, "FaultStruct"u8);
        writer.Element("StartTime"u8, StartTime);
        writer.Element("CompleteTime"u8, CompleteTime);
    }
}
