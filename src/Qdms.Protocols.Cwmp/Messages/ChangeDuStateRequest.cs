using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>ChangeDUState (TR-069 Annex A.4.1.10): install, update or uninstall Deployment Units.</summary>
/// <param name="Operations">The operations, in order.</param>
/// <param name="CommandKey">Key echoed back in DUStateChangeComplete (optional on the wire: null when absent).</param>
public sealed record ChangeDuStateRequest(CwmpList<DuOperation> Operations, string? CommandKey = null) : CwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "ChangeDUState";

    /// <inheritdoc />
    public override string MethodName => Name;

    internal static ChangeDuStateRequest Read(XmlElementNode node)
    {
        var operations = new List<DuOperation>();
        foreach (var child in node.Children)
        {
            if (string.Equals(child.LocalName, "Operations", StringComparison.OrdinalIgnoreCase))
                operations.Add(DuOperation.Read(child));
        }
        return new(CwmpList.Wrap(operations.ToArray()), node.Child("CommandKey")?.Text);
    }

    private protected override void WriteContent(CwmpXmlWriter writer)
    {
        foreach (var operation in Operations)
            operation.Write(writer);
        writer.Optional("CommandKey"u8, CommandKey);
    }
}
