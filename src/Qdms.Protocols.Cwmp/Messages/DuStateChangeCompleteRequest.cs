using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>DUStateChangeComplete (TR-069 Annex A.4.2.3): the outcome of an earlier ChangeDUState.</summary>
/// <param name="Results">One result per operation.</param>
/// <param name="CommandKey">The ChangeDUState's CommandKey (optional on the wire: null when absent).</param>
public sealed record DuStateChangeCompleteRequest(CwmpList<DuOperationResult> Results, string? CommandKey = null) : CwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "DUStateChangeComplete";

    /// <inheritdoc />
    public override string MethodName => Name;

    // Results repeats once per operation (cwmp-1-2.xsd: maxOccurs="unbounded"), it is not a SOAP array.
    internal static DuStateChangeCompleteRequest Read(XmlElementNode node) =>
        new(DuOperationResult.ReadResults(node), node.Child("CommandKey")?.Text);

    private protected override void WriteContent(CwmpXmlWriter writer)
    {
        foreach (var item in Results)
            item.Write(writer);
        writer.Optional("CommandKey"u8, CommandKey);
    }
}
