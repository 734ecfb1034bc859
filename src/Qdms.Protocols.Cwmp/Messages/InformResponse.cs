using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>InformResponse (TR-069 Annex A.3.3.1).</summary>
/// <param name="MaxEnvelopes">Always 1 in practice (only one envelope per HTTP message).</param>
public sealed record InformResponse(uint MaxEnvelopes = 1) : CwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "InformResponse";

    /// <inheritdoc />
    public override string MethodName => Name;

    internal static InformResponse Read(XmlElementNode node) => new(node.UInt("MaxEnvelopes", 1));

    private protected override void WriteContent(CwmpXmlWriter writer) => writer.Element("MaxEnvelopes"u8, MaxEnvelopes);
}
