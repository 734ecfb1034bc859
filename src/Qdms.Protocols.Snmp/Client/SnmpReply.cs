using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Protocols.Snmp.Client;

/// <summary>An answer matched to a request: the PDU and, for v3, the USM parameters it came with.</summary>
internal sealed record SnmpReply(SnmpPdu Pdu, UsmSecurityParameters? Security = null);
