using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>AddObjectResponse (TR-069 Annex A.3.2.6).</summary>
/// <param name="InstanceNumber">The new instance's number.</param>
/// <param name="Status">0 created and applied, 1 created but not yet applied.</param>
public sealed record AddObjectResponse(uint InstanceNumber, int Status) : CwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "AddObjectResponse";

    /// <inheritdoc />
    public override string MethodName => Name;

    internal static AddObjectResponse Read(XmlElementNode node) => new(node.UInt("InstanceNumber"), node.Int("Status"));

    private protected override void WriteContent(CwmpXmlWriter writer)
    {
        writer.Element("InstanceNumber"u8, InstanceNumber);
        writer.Element("Status"u8, Status);
    }
}
