namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>GetQueuedTransfers (TR-069 Annex A.4.1.1, deprecated in favour of GetAllQueuedTransfers).</summary>
public sealed record GetQueuedTransfersRequest : EmptyCwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "GetQueuedTransfers";

    /// <inheritdoc />
    public override string MethodName => Name;
}
