namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>AutonomousTransferCompleteResponse (TR-069 Annex A.3.3.3).</summary>
public sealed record AutonomousTransferCompleteResponse : EmptyCwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "AutonomousTransferCompleteResponse";

    /// <inheritdoc />
    public override string MethodName => Name;
}
