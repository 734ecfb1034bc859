using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Protocols.Snmp.Client;

public sealed partial class SnmpManager
{
    /// <summary>GET (RFC 3416 §4.2.1): the values of <paramref name="oids"/>; missing ones come back as noSuchObject/noSuchInstance in v2c/v3.</summary>
    public async Task<IReadOnlyList<VarBind>> GetAsync(SnmpTarget target, IReadOnlyList<Oid> oids, CancellationToken ct = default) =>
        (await RequestAsync(target, id => SnmpPdu.GetRequest(id, oids), ct)).VarBinds;

    /// <summary>GETNEXT (RFC 3416 §4.2.2): the successor of each of <paramref name="oids"/>.</summary>
    public async Task<IReadOnlyList<VarBind>> GetNextAsync(SnmpTarget target, IReadOnlyList<Oid> oids, CancellationToken ct = default) =>
        (await RequestAsync(target, id => SnmpPdu.GetNextRequest(id, oids), ct)).VarBinds;

    /// <summary>GETBULK (RFC 3416 §4.2.3); not in SNMPv1 (throws <see cref="InvalidOperationException"/>).</summary>
    public async Task<IReadOnlyList<VarBind>> GetBulkAsync(SnmpTarget target, int nonRepeaters, int maxRepetitions, IReadOnlyList<Oid> oids,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Version == SnmpVersion.V1)
            throw new InvalidOperationException("GETBULK does not exist in SNMPv1");
        return (await RequestAsync(target, id => SnmpPdu.GetBulkRequest(id, nonRepeaters, maxRepetitions, oids), ct)).VarBinds;
    }

    /// <summary>SET (RFC 3416 §4.2.5); returns the agent's echo of the bindings.</summary>
    public async Task<IReadOnlyList<VarBind>> SetAsync(SnmpTarget target, IReadOnlyList<VarBind> varBinds, CancellationToken ct = default) =>
        (await RequestAsync(target, id => SnmpPdu.SetRequest(id, varBinds), ct)).VarBinds;

    /// <summary>
    /// Every object beneath <paramref name="root"/> in order: GETBULK for v2c/v3, GETNEXT for v1. Stops at the first
    /// OID outside the subtree, at endOfMibView, or at noSuchName (v1, RFC 1157 §4.1.3); throws
    /// <see cref="SnmpWalkException"/> when the agent returns an OID that is not greater than the previous one.
    /// </summary>
    public async Task<IReadOnlyList<VarBind>> WalkAsync(SnmpTarget target, Oid root, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var maxRepetitions = target.MaxRepetitions ?? _options.MaxRepetitions;
        var result = new List<VarBind>();
        var last = root;
        while (true)
        {
            var current = last;
            IReadOnlyList<VarBind> batch;
            if (target.Version == SnmpVersion.V1)
            {
                var response = await ExchangeAsync(target, id => SnmpPdu.GetNextRequest(id, current), ct);
                if (response.ErrorStatus == SnmpErrorStatus.NoSuchName)
                    return result;
                if (response.ErrorStatus != SnmpErrorStatus.NoError)
                    throw ErrorFrom(response);
                batch = response.VarBinds;
            }
            else
            {
                batch = (await RequestAsync(target, id => SnmpPdu.GetBulkRequest(id, 0, maxRepetitions, current), ct)).VarBinds;
            }
            if (batch.Count == 0)
                return result;
            foreach (var vb in batch)
            {
                if (vb.Value.Type == SnmpValueType.EndOfMibView || !vb.Oid.StartsWith(root))
                    return result;
                if (vb.Oid <= last)
                    throw new SnmpWalkException(last, vb.Oid);
                result.Add(vb);
                last = vb.Oid;
            }
        }
    }

    /// <summary>
    /// A table read column by column (the columns walked concurrently): each column instance's suffix after its
    /// column OID is the row index; rows come back in index order with one cell per column.
    /// </summary>
    public async Task<SnmpTable> GetTableAsync(SnmpTarget target, IReadOnlyList<Oid> columns, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
            throw new ArgumentException("a table needs at least one column", nameof(columns));
        var walks = await Task.WhenAll(columns.Select(column => WalkAsync(target, column, ct)));
        var rows = new SortedDictionary<uint[], SnmpValue?[]>(IndexComparer.Instance);
        for (var c = 0; c < columns.Count; c++)
        {
            var prefix = columns[c].Length;
            foreach (var vb in walks[c])
            {
                var index = vb.Oid.Arcs.Span[prefix..].ToArray();
                if (!rows.TryGetValue(index, out var cells))
                    rows[index] = cells = new SnmpValue?[columns.Count];
                cells[c] = vb.Value;
            }
        }
        return new SnmpTable([.. columns], [.. rows.Select(r => new SnmpTableRow(r.Key, r.Value))]);
    }

    private sealed class IndexComparer : IComparer<uint[]>
    {
        public static readonly IndexComparer Instance = new();

        public int Compare(uint[]? x, uint[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
