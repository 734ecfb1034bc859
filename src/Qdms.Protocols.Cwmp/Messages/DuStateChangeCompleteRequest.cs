using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>DUStateChangeComplete (TR-069 Annex A.4.2.3): the outcome of an earlier ChangeDUState.</summary>
/// <param name="Results">One result per operation.</param>
/// <param name="CommandKey">The ChangeDUState's CommandKey.</param>
public sealed record DuStateChangeCompleteRequest(CwmpList<DuOperationResult> Results, string CommandKey = "") : CwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "DUStateChangeComplete";

    /// <inheritdoc />
    public override string MethodName => Name;

    internal static DuStateChangeCompleteRequest Read(XmlElementNode node)
    {
        var items = node.Items("Results");
        var results = new DuOperationResult[items.Count];
        for (var i = 0; i < results.Length; i++)
            results[i] = DuOperationResult.Read(items[i]);
        return new(CwmpList.Wrap(results), node.String("CommandKey"));
    }

    private protected override void WriteContent(CwmpXmlWriter writer)
    {
        writer.OpenArray("Results"u8, "cwmp:OpResultStruct"u8, Results.Count);
        foreach (var item in Results)
            item.Write(writer, "OpResultStruct"u8);
        writer.Close("Results"u8);
        writer.Element("CommandKey"u8, CommandKey);
    }
}
