namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>TransferCompleteResponse (TR-069 Annex A.3.3.2).</summary>
public sealed record TransferCompleteResponse : EmptyCwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "TransferCompleteResponse";

    /// <inheritdoc />
    public override string MethodName => Name;
}
