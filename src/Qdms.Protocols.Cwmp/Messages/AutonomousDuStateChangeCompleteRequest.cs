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

    // Results repeats once per operation (cwmp-1-2.xsd: maxOccurs="unbounded"), it is not a SOAP array.
    internal static AutonomousDuStateChangeCompleteRequest Read(XmlElementNode node) => new(DuOperationResult.ReadResults(node));

    private protected override void WriteContent(CwmpXmlWriter writer)
    {
        foreach (var item in Results)
            item.Write(writer);
    }
}
