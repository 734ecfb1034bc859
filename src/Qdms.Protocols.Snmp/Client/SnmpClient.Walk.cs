using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Protocols.Snmp.Client;

public sealed partial class SnmpClient
{
    /// <summary>
    /// Every object beneath <paramref name="root"/> in order: GETBULK for v2c, GETNEXT for v1. Stops at the first
    /// OID outside the subtree, at endOfMibView (v2c) or noSuchName (v1, RFC 1157 §4.1.3); throws
    /// <see cref="SnmpWalkException"/> when the agent returns an OID that is not greater than the previous one.
    /// </summary>
    public async Task<IReadOnlyList<VarBind>> WalkAsync(Oid root, CancellationToken cancellationToken = default)
    {
        var result = new List<VarBind>();
        var last = root;
        while (true)
        {
            IReadOnlyList<VarBind> batch;
            if (_options.Version == SnmpVersion.V1)
            {
                var current = last;
                var response = await ExchangeAsync(id => SnmpPdu.GetNextRequest(id, current), cancellationToken);
                if (response.ErrorStatus == SnmpErrorStatus.NoSuchName)
                    return result;
                if (response.ErrorStatus != SnmpErrorStatus.NoError)
                    throw ErrorFrom(response);
                batch = response.VarBinds;
            }
            else
            {
                var current = last;
                batch = (await RequestAsync(id => SnmpPdu.GetBulkRequest(id, 0, _options.WalkMaxRepetitions, current), cancellationToken)).VarBinds;
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
}
