using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>Download (TR-069 Annex A.3.2.8): fetch a file (firmware, configuration …) and apply it.</summary>
/// <param name="CommandKey">Key echoed back in TransferComplete.</param>
/// <param name="FileType">e.g. "1 Firmware Upgrade Image", "3 Vendor Configuration File".</param>
/// <param name="Url">Where to fetch the file.</param>
/// <param name="Username">File server user name (may be empty).</param>
/// <param name="Password">File server password (may be empty).</param>
/// <param name="FileSize">Size in bytes, 0 if not given.</param>
/// <param name="TargetFileName">Name to store the file under (may be empty).</param>
/// <param name="DelaySeconds">Seconds to wait before starting.</param>
/// <param name="SuccessUrl">Page the CPE may show its user on success (may be empty).</param>
/// <param name="FailureUrl">Page on failure (may be empty).</param>
public sealed record DownloadRequest(
    string CommandKey, string FileType, string Url, string Username = "", string Password = "", uint FileSize = 0,
    string TargetFileName = "", uint DelaySeconds = 0, string SuccessUrl = "", string FailureUrl = "") : CwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "Download";

    /// <inheritdoc />
    public override string MethodName => Name;

    internal static DownloadRequest Read(XmlElementNode node) =>
        new(node.String("CommandKey"), node.Trimmed("FileType"), node.Required("URL").Text.Trim(), node.String("Username"),
            node.String("Password"), node.UInt("FileSize"), node.String("TargetFileName"), node.UInt("DelaySeconds"),
            node.Trimmed("SuccessURL"), node.Trimmed("FailureURL"));

    private protected override void WriteContent(CwmpXmlWriter writer)
    {
        writer.Element("CommandKey"u8, CommandKey);
        writer.Element("FileType"u8, FileType);
        writer.Element("URL"u8, Url);
        writer.Element("Username"u8, Username);
        writer.Element("Password"u8, Password);
        writer.Element("FileSize"u8, FileSize);
        writer.Element("TargetFileName"u8, TargetFileName);
        writer.Element("DelaySeconds"u8, DelaySeconds);
        writer.Element("SuccessURL"u8, SuccessUrl);
        writer.Element("FailureURL"u8, FailureUrl);
    }
}
