namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>CancelTransferResponse (TR-069 Annex A.4.1.9).</summary>
public sealed record CancelTransferResponse : EmptyCwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "CancelTransferResponse";

    /// <inheritdoc />
    public override string MethodName => Name;
}
