using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>CancelTransfer (TR-069 Annex A.4.1.9): cancel a queued Download or Upload.</summary>
/// <param name="CommandKey">The CommandKey of the transfer to cancel.</param>
public sealed record CancelTransferRequest(string CommandKey) : CwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "CancelTransfer";

    /// <inheritdoc />
    public override string MethodName => Name;

    internal static CancelTransferRequest Read(XmlElementNode node) => new(node.String("CommandKey"));

    private protected override void WriteContent(CwmpXmlWriter writer) => writer.Element("CommandKey"u8, CommandKey);
}
