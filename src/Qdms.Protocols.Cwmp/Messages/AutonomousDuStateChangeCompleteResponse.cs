namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>AutonomousDUStateChangeCompleteResponse (TR-069 Annex A.4.2.4).</summary>
public sealed record AutonomousDuStateChangeCompleteResponse : EmptyCwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "AutonomousDUStateChangeCompleteResponse";

    /// <inheritdoc />
    public override string MethodName => Name;
}
