using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Protocols.Snmp.Client;

/// <summary>One row of an <see cref="SnmpTable"/>.</summary>
/// <param name="Index">The instance suffix shared by the row's cells (e.g. the ifIndex, or an IP address as four arcs).</param>
/// <param name="Values">One cell per column of the table, in the table's column order; null where the agent has no instance.</param>
public sealed record SnmpTableRow(IReadOnlyList<uint> Index, IReadOnlyList<SnmpValue?> Values)
{
    /// <summary>The index in dotted form ("1", "127.0.0.1").</summary>
    public string IndexText => string.Join('.', Index);

    /// <summary>The cell of column <paramref name="column"/> (0-based), null when absent.</summary>
    public SnmpValue? this[int column] => Values[column];
}
