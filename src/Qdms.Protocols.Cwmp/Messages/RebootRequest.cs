using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>Reboot (TR-069 Annex A.3.2.9); the CPE confirms with an "M Reboot" event carrying the CommandKey.</summary>
/// <param name="CommandKey">Key echoed back in the "M Reboot" event.</param>
public sealed record RebootRequest(string CommandKey = "") : CwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "Reboot";

    /// <inheritdoc />
    public override string MethodName => Name;

    internal static RebootRequest Read(XmlElementNode node) => new(node.String("CommandKey"));

    private protected override void WriteContent(CwmpXmlWriter writer) => writer.Element("CommandKey"u8, CommandKey);
}
