using System.Collections.Concurrent;
using Qdms.Core.Snmp;
using Qdms.Protocols.Snmp.Client;
using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Engines.Snmp.Access;

/// <summary><see cref="ISnmpAccess"/> over the library's per-agent <see cref="SnmpClient"/> (v1/v2c), one client per target.</summary>
internal sealed class ClientSnmpAccess : ISnmpAccess
{
    private readonly ConcurrentDictionary<(string EndPoint, SnmpDeviceVersion Version, string? Community, TimeSpan Timeout, int Retries), SnmpClient> _clients = new();

    public async Task<IReadOnlyList<VarBind>> GetAsync(AgentTarget target, IReadOnlyList<Oid> oids, CancellationToken ct) =>
        await ClientFor(target).GetAsync(oids, ct);

    public async Task<IReadOnlyList<VarBind>> SetAsync(AgentTarget target, IReadOnlyList<VarBind> varBinds, CancellationToken ct) =>
        await ClientFor(target).SetAsync(varBinds, ct);

    public async Task<IReadOnlyList<VarBind>> WalkAsync(AgentTarget target, Oid root, CancellationToken ct) =>
        await ClientFor(target).WalkAsync(root, ct);

    public async Task<IReadOnlyList<AgentRow>> GetTableAsync(AgentTarget target, IReadOnlyList<Oid> columns, CancellationToken ct)
    {
        var client = ClientFor(target);
        var rows = new SortedDictionary<string, SnmpValue?[]>(StringComparer.Ordinal);
        var order = new Dictionary<string, Oid>();
        for (var c = 0; c < columns.Count; c++)
        {
            foreach (var vb in await client.WalkAsync(columns[c], ct))
            {
                var suffix = vb.Oid.Arcs.Span[columns[c].Length..].ToArray();
                var index = string.Join('.', suffix);
                if (!rows.TryGetValue(index, out var values))
                {
                    rows[index] = values = new SnmpValue?[columns.Count];
                    order[index] = new Oid(suffix);
                }

                values[c] = vb.Value;
            }
        }

        return rows.OrderBy(r => order[r.Key]).Select(r => new AgentRow(r.Key, r.Value)).ToList();
    }

    private SnmpClient ClientFor(AgentTarget target)
    {
        if (target.Version == SnmpDeviceVersion.V3)
        {
            throw new NotSupportedException("SNMPv3 needs the protocol library's SnmpManager.");
        }

        var version = target.Version == SnmpDeviceVersion.V1 ? SnmpVersion.V1 : SnmpVersion.V2c;
        return _clients.GetOrAdd((target.EndPoint.ToString(), target.Version, target.Community, target.Timeout, target.Retries), _ =>
            new SnmpClient(target.EndPoint, new SnmpClientOptions { Version = version, Community = target.Community ?? "", Timeout = target.Timeout, Retries = target.Retries }));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            await client.DisposeAsync();
        }

        _clients.Clear();
    }
}
