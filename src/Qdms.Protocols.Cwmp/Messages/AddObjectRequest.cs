using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>AddObject (TR-069 Annex A.3.2.6): create an instance of a multi-instance object.</summary>
/// <param name="ObjectName">Path of the object table, ending in a dot.</param>
/// <param name="ParameterKey">Value the CPE stores in ParameterKey on success.</param>
public sealed record AddObjectRequest(string ObjectName, string ParameterKey = "") : CwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "AddObject";

    /// <inheritdoc />
    public override string MethodName => Name;

    internal static AddObjectRequest Read(XmlElementNode node) => new(node.Trimmed("ObjectName"), node.String("ParameterKey"));

    private protected override void WriteContent(CwmpXmlWriter writer)
    {
        writer.Element("ObjectName"u8, ObjectName);
        writer.Element("ParameterKey"u8, ParameterKey);
    }
}
