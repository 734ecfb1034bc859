using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Protocols.Snmp.Client;

/// <summary>The agent answered with a non-zero error-status (RFC 3416 §4.2).</summary>
public sealed class SnmpErrorException(SnmpErrorStatus status, int index, Oid? oid)
    : SnmpException($"SNMP error {status} ({(int)status}) at index {index}{(oid is null ? "" : $" ({oid})")}")
{
    /// <summary>The error-status.</summary>
    public SnmpErrorStatus Status { get; } = status;

    /// <summary>The 1-based error-index.</summary>
    public int Index { get; } = index;

    /// <summary>The OID of the varbind the index points at, when it is in range.</summary>
    public Oid? Oid { get; } = oid;
}
