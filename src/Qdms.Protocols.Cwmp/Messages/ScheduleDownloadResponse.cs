namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>ScheduleDownloadResponse (TR-069 Annex A.4.1.8).</summary>
public sealed record ScheduleDownloadResponse : EmptyCwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "ScheduleDownloadResponse";

    /// <inheritdoc />
    public override string MethodName => Name;
}
