using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>AutonomousDUStateChangeComplete (TR-069 Annex A.4.2.4): Deployment Unit changes the ACS did not ask for.</summary>
/// <param name="Results">One result per operation, each naming the operation performed.</param>
public sealed record AutonomousDuStateChangeCompleteRequest(CwmpList<DuOperationResult> Results) : CwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "AutonomousDUStateChangeComplete";

    /// <inheritdoc />
    public override string MethodName => Name;

    internal static AutonomousDuStateChangeCompleteRequest Read(XmlElementNode node)
    {
        var items = node.Items("Results");
        var results = new DuOperationResult[items.Count];
        for (var i = 0; i < results.Length; i++)
            results[i] = DuOperationResult.Read(items[i]);
        return new(CwmpList.Wrap(results));
    }

    private protected override void WriteContent(CwmpXmlWriter writer)
    {
        writer.OpenArray("Results"u8, "cwmp:AutonOpResultStruct"u8, Results.Count);
        foreach (var item in Results)
            item.Write(writer, "AutonOpResultStruct"u8);
        writer.Close("Results"u8);
    }
}
