namespace Qdms.Core.Snmp;

/// <summary>A table a profile polls: some of its columns, every row. <see cref="Name"/> prefixes the rows' metrics.</summary>
public sealed record SnmpTableSpec(string Name, IReadOnlyList<SnmpObject> Columns);
