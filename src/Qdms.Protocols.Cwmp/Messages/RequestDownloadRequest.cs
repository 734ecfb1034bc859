using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>RequestDownload (TR-069 Annex A.4.2.2): the CPE asks the ACS to send it a Download.</summary>
/// <param name="FileType">The file type wanted.</param>
/// <param name="FileTypeArgs">Extra arguments.</param>
public sealed record RequestDownloadRequest(string FileType, CwmpList<FileTypeArg> FileTypeArgs) : CwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "RequestDownload";

    /// <inheritdoc />
    public override string MethodName => Name;

    internal static RequestDownloadRequest Read(XmlElementNode node)
    {
        var items = node.Items("FileTypeArg");
        var args = new FileTypeArg[items.Count];
        for (var i = 0; i < args.Length; i++)
            args[i] = FileTypeArg.Read(items[i]);
        return new(node.Trimmed("FileType"), CwmpList.Wrap(args));
    }

    private protected override void WriteContent(CwmpXmlWriter writer)
    {
        writer.Element("FileType"u8, FileType);
        writer.OpenArray("FileTypeArg"u8, "cwmp:ArgStruct"u8, FileTypeArgs.Count);
        foreach (var item in FileTypeArgs)
            item.Write(writer);
        writer.Close("FileTypeArg"u8);
    }
}
