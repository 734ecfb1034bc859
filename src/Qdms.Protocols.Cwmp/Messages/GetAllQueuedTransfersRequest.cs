namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>GetAllQueuedTransfers (TR-069 Annex A.4.1.7): list the CPE's queued transfers.</summary>
public sealed record GetAllQueuedTransfersRequest : EmptyCwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "GetAllQueuedTransfers";

    /// <inheritdoc />
    public override string MethodName => Name;
}
