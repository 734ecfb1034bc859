using System.Net;
using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Protocols.Snmp.Client;

/// <summary>An SNMPv3 agent answered with a Report-PDU naming a counter other than the usmStats ones (e.g. snmpUnknownContexts).</summary>
public sealed class SnmpReportException(EndPoint target, Oid counter)
    : SnmpException($"{target} answered with a Report for {counter}: check the context name and the request (RFC 3412 §7.2)")
{
    /// <summary>The agent.</summary>
    public EndPoint Target { get; } = target;

    /// <summary>The counter the report named.</summary>
    public Oid Counter { get; } = counter;
}
