using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>DeleteObject (TR-069 Annex A.3.2.7): remove one instance of a multi-instance object.</summary>
/// <param name="ObjectName">Path of the instance, ending in a dot, e.g. "Device.IP.Interface.3.".</param>
/// <param name="ParameterKey">Value the CPE stores in ParameterKey on success.</param>
public sealed record DeleteObjectRequest(string ObjectName, string ParameterKey = "") : CwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "DeleteObject";

    /// <inheritdoc />
    public override string MethodName => Name;

    internal static DeleteObjectRequest Read(XmlElementNode node) => new(node.Trimmed("ObjectName"), node.String("ParameterKey"));

    private protected override void WriteContent(CwmpXmlWriter writer)
    {
        writer.Element("ObjectName"u8, ObjectName);
        writer.Element("ParameterKey"u8, ParameterKey);
    }
}
