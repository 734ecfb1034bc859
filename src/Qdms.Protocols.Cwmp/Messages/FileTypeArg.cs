using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>ArgStruct of RequestDownload's FileTypeArg (TR-069 Annex A.4.2.2).</summary>
/// <param name="Name">Argument name.</param>
/// <param name="Value">Argument value.</param>
public sealed record FileTypeArg(string Name, string Value)
{
    internal static FileTypeArg Read(XmlElementNode node) => new(node.Trimmed("Name"), node.String("Value"));

    internal void Write(CwmpXmlWriter writer)
    {
        writer.Open("ArgStruct"u8);
        writer.Element("Name"u8, Name);
        writer.Element("Value"u8, Value);
        writer.Close("ArgStruct"u8);
    }
}
