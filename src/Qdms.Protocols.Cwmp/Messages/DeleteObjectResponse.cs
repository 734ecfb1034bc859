using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>DeleteObjectResponse (TR-069 Annex A.3.2.7).</summary>
/// <param name="Status">0 deleted and applied, 1 deleted but not yet applied.</param>
public sealed record DeleteObjectResponse(int Status) : CwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "DeleteObjectResponse";

    /// <inheritdoc />
    public override string MethodName => Name;

    internal static DeleteObjectResponse Read(XmlElementNode node) => new(node.Int("Status"));

    private protected override void WriteContent(CwmpXmlWriter writer) => writer.Element("Status"u8, Status);
}
