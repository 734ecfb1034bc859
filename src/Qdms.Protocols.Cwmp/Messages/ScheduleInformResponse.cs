namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>ScheduleInformResponse (TR-069 Annex A.4.1.2).</summary>
public sealed record ScheduleInformResponse : EmptyCwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "ScheduleInformResponse";

    /// <inheritdoc />
    public override string MethodName => Name;
}
