using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>SetParameterValuesResponse (TR-069 Annex A.3.2.1).</summary>
/// <param name="Status">0 applied, 1 applied but not yet committed (e.g. after a reboot).</param>
public sealed record SetParameterValuesResponse(int Status) : CwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "SetParameterValuesResponse";

    /// <inheritdoc />
    public override string MethodName => Name;

    internal static SetParameterValuesResponse Read(XmlElementNode node) => new(node.Int("Status"));

    private protected override void WriteContent(CwmpXmlWriter writer) => writer.Element("Status"u8, Status);
}
