using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>ScheduleDownload (TR-069 Annex A.4.1.8): a Download to be performed within one or two time windows.</summary>
/// <param name="CommandKey">Key echoed back in TransferComplete.</param>
/// <param name="FileType">File type.</param>
/// <param name="Url">Where to fetch the file.</param>
/// <param name="Username">File server user name (may be empty).</param>
/// <param name="Password">File server password (may be empty).</param>
/// <param name="FileSize">Size in bytes, 0 if not given.</param>
/// <param name="TargetFileName">Target file name (may be empty).</param>
/// <param name="TimeWindows">One or two windows.</param>
public sealed record ScheduleDownloadRequest(
    string CommandKey, string FileType, string Url, string Username, string Password, uint FileSize, string TargetFileName,
    CwmpList<TimeWindow> TimeWindows) : CwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "ScheduleDownload";

    /// <inheritdoc />
    public override string MethodName => Name;

    internal static ScheduleDownloadRequest Read(XmlElementNode node)
    {
        var items = node.Items("TimeWindowList");
        var windows = new TimeWindow[items.Count];
        for (var i = 0; i < windows.Length; i++)
            windows[i] = TimeWindow.Read(items[i]);
        return new(node.String("CommandKey"), node.Trimmed("FileType"), node.Required("URL").Text.Trim(), node.String("Username"),
            node.String("Password"), node.UInt("FileSize"), node.String("TargetFileName"), CwmpList.Wrap(windows));
    }

    private protected override void WriteContent(CwmpXmlWriter writer)
    {
        writer.Element("CommandKey"u8, CommandKey);
        writer.Element("FileType"u8, FileType);
        writer.Element("URL"u8, Url);
        writer.Element("Username"u8, Username);
        writer.Element("Password"u8, Password);
        writer.Element("FileSize"u8, FileSize);
        writer.Element("TargetFileName"u8, TargetFileName);
        writer.OpenArray("TimeWindowList"u8, "cwmp:TimeWindowStruct"u8, TimeWindows.Count);
        foreach (var item in TimeWindows)
            item.Write(writer);
        writer.Close("TimeWindowList"u8);
    }
}
