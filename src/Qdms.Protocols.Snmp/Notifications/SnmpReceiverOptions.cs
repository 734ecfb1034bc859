using System.Net;
using Qdms.Protocols.Snmp.Security;

namespace Qdms.Protocols.Snmp.Notifications;

/// <summary>What a <see cref="SnmpNotificationReceiver"/> accepts.</summary>
public sealed record SnmpReceiverOptions
{
    /// <summary>The v1/v2c communities accepted; null accepts any.</summary>
    public IReadOnlyCollection<string>? Communities { get; init; }

    /// <summary>The v3 users accepted (traps are localised to the sender's engine id, informs to ours).</summary>
    public IReadOnlyList<UsmUser> Users { get; init; } = [];

    /// <summary>Our snmpEngineID, the authoritative one for informs (RFC 3414 §3.1.1); generated when null.</summary>
    public byte[]? EngineId { get; init; }

    /// <summary>Called for every datagram dropped, with its source and the reason (never with secrets).</summary>
    public Action<IPEndPoint, string>? OnRejected { get; init; }
}
