using System.Net;
using Qdms.Protocols.Snmp.Security;

namespace Qdms.Protocols.Snmp.Client;

/// <summary>A request waiting for its answer: where it went, how to check the answer, and the completion the receive loop sets.</summary>
internal sealed class PendingRequest(IPEndPoint endPoint, SnmpTarget target, byte[]? community, UsmLocalizedKeys? keys)
{
    public IPEndPoint EndPoint { get; } = endPoint;

    public SnmpTarget Target { get; } = target;

    /// <summary>The community the request carried (v1/v2c); the answer must carry it too.</summary>
    public byte[]? Community { get; } = community;

    /// <summary>The v3 keys the request was sent with; the answer is checked with them.</summary>
    public UsmLocalizedKeys? Keys { get; } = keys;

    /// <summary>The last v3 answer that failed its security checks, reported if no good answer follows.</summary>
    public SnmpAuthFailure? LastFailure { get; set; }

    public TaskCompletionSource<SnmpReply> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
