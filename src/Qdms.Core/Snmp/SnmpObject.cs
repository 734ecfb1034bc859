namespace Qdms.Core.Snmp;

/// <summary>
/// One object a profile polls: a scalar instance (<c>1.3.6.1.2.1.1.5.0</c>) or a table column (<c>1.3.6.1.2.1.2.2.1.10</c>).
/// </summary>
/// <param name="Name">A readable name (<c>sysName</c>, <c>ifInOctets</c>).</param>
/// <param name="Metric">The measurement name when <paramref name="Kind"/> is not None: for a scalar the whole name
/// (<c>snmp.sysUpTime</c>), for a column the last part (<c>in_bps</c> → <c>snmp.&lt;table&gt;.&lt;index&gt;.in_bps</c>).</param>
/// <param name="Scale">Multiplies the value or rate (8 turns octets into bits; 0.01 turns TimeTicks into seconds).</param>
public sealed record SnmpObject(string Oid, string Name, string? Metric = null, SnmpMetricKind Kind = SnmpMetricKind.None, double Scale = 1);
