using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Protocols.Snmp.Client;

/// <summary>The agent returned an OID that does not follow the previous one, which would make a walk loop forever.</summary>
public sealed class SnmpWalkException(Oid previous, Oid returned)
    : SnmpException($"walk stopped: the agent returned {returned}, which does not follow {previous} (OID not increasing)")
{
    /// <summary>The last OID the walk accepted.</summary>
    public Oid Previous { get; } = previous;

    /// <summary>The offending OID.</summary>
    public Oid Returned { get; } = returned;
}
