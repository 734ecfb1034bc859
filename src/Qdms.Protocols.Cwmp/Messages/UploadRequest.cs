using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>Upload (TR-069 Annex A.4.1.5): send a configuration or log file to a URL.</summary>
/// <param name="CommandKey">Key echoed back in TransferComplete.</param>
/// <param name="FileType">e.g. "1 Vendor Configuration File", "2 Vendor Log File".</param>
/// <param name="Url">Where to upload.</param>
/// <param name="Username">Server user name (may be empty).</param>
/// <param name="Password">Server password (may be empty).</param>
/// <param name="DelaySeconds">Seconds to wait before starting.</param>
public sealed record UploadRequest(
    string CommandKey, string FileType, string Url, string Username = "", string Password = "", uint DelaySeconds = 0) : CwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "Upload";

    /// <inheritdoc />
    public override string MethodName => Name;

    internal static UploadRequest Read(XmlElementNode node) =>
        new(node.String("CommandKey"), node.Trimmed("FileType"), node.Required("URL").Text.Trim(), node.String("Username"),
            node.String("Password"), node.UInt("DelaySeconds"));

    private protected override void WriteContent(CwmpXmlWriter writer)
    {
        writer.Element("CommandKey"u8, CommandKey);
        writer.Element("FileType"u8, FileType);
        writer.Element("URL"u8, Url);
        writer.Element("Username"u8, Username);
        writer.Element("Password"u8, Password);
        writer.Element("DelaySeconds"u8, DelaySeconds);
    }
}
