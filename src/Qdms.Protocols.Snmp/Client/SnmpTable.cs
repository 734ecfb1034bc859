using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Protocols.Snmp.Client;

/// <summary>A conceptual table (RFC 2578 §7.1.12) read column by column: one row per index suffix, in index order.</summary>
/// <param name="Columns">The column OIDs asked for, in order.</param>
/// <param name="Rows">The rows, ordered by index.</param>
public sealed record SnmpTable(IReadOnlyList<Oid> Columns, IReadOnlyList<SnmpTableRow> Rows);
