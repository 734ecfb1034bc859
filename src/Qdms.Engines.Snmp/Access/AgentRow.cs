using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Engines.Snmp.Access;

/// <summary>One row of a table read: its index in dotted form and one value per column asked for (null when absent).</summary>
internal sealed record AgentRow(string Index, IReadOnlyList<SnmpValue?> Values);
