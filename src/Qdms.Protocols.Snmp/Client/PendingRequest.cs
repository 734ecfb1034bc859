using System.Net;

namespace Qdms.Protocols.Snmp.Client;

/// <summary>A request waiting for its answer: where it went, and the completion the receive loop sets.</summary>
internal sealed class PendingRequest(IPEndPoint endPoint, SnmpTarget target, byte[]? community)
{
    public IPEndPoint EndPoint { get; } = endPoint;

    public SnmpTarget Target { get; } = target;

    /// <summary>The community the request carried (v1/v2c); the answer must carry it too.</summary>
    public byte[]? Community { get; } = community;

    public TaskCompletionSource<SnmpReply> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
