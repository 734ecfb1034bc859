namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>DUStateChangeCompleteResponse (TR-069 Annex A.4.2.3).</summary>
public sealed record DuStateChangeCompleteResponse : EmptyCwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "DUStateChangeCompleteResponse";

    /// <inheritdoc />
    public override string MethodName => Name;
}
