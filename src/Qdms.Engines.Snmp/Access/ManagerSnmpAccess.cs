using Qdms.Core.Snmp;
using Qdms.Protocols.Snmp.Client;
using Qdms.Protocols.Snmp.Messages;
using Qdms.Protocols.Snmp.Security;

namespace Qdms.Engines.Snmp.Access;

/// <summary><see cref="ISnmpAccess"/> over the library's <see cref="SnmpManager"/>: one UDP socket for every device, thousands of requests in flight.</summary>
internal sealed class ManagerSnmpAccess(SnmpManager manager) : ISnmpAccess
{
    public Task<IReadOnlyList<VarBind>> GetAsync(AgentTarget target, IReadOnlyList<Oid> oids, CancellationToken ct) => manager.GetAsync(ToTarget(target), oids, ct);

    public Task<IReadOnlyList<VarBind>> SetAsync(AgentTarget target, IReadOnlyList<VarBind> varBinds, CancellationToken ct) => manager.SetAsync(ToTarget(target), varBinds, ct);

    public Task<IReadOnlyList<VarBind>> WalkAsync(AgentTarget target, Oid root, CancellationToken ct) => manager.WalkAsync(ToTarget(target), root, ct);

    public async Task<IReadOnlyList<AgentRow>> GetTableAsync(AgentTarget target, IReadOnlyList<Oid> columns, CancellationToken ct)
    {
        var table = await manager.GetTableAsync(ToTarget(target), columns, ct);
        return table.Rows.Select(r => new AgentRow(r.IndexText, r.Values)).ToList();
    }

    public ValueTask DisposeAsync() => manager.DisposeAsync();

    public static SnmpTarget ToTarget(AgentTarget t) => new(t.EndPoint, ToVersion(t.Version), t.Community, t.User is null ? null : ToUser(t.User))
    {
        Timeout = t.Timeout,
        Retries = t.Retries,
        ContextName = t.ContextName ?? "",
    };

    public static UsmUser ToUser(AgentUser u) => new(u.Name, ToAuth(u.AuthProtocol), u.AuthPassword, ToPriv(u.PrivProtocol), u.PrivPassword);

    private static SnmpVersion ToVersion(SnmpDeviceVersion v) => v switch
    {
        SnmpDeviceVersion.V1 => SnmpVersion.V1,
        SnmpDeviceVersion.V2c => SnmpVersion.V2c,
        _ => SnmpVersion.V3,
    };

    private static SnmpAuthProtocol ToAuth(string name) => name switch
    {
        "md5" => SnmpAuthProtocol.Md5,
        "sha1" => SnmpAuthProtocol.Sha1,
        "sha224" => SnmpAuthProtocol.Sha224,
        "sha256" => SnmpAuthProtocol.Sha256,
        "sha384" => SnmpAuthProtocol.Sha384,
        "sha512" => SnmpAuthProtocol.Sha512,
        _ => SnmpAuthProtocol.None,
    };

    private static SnmpPrivProtocol ToPriv(string name) => name switch
    {
        "des" => SnmpPrivProtocol.Des,
        "aes128" => SnmpPrivProtocol.Aes128,
        "aes192" => SnmpPrivProtocol.Aes192,
        "aes256" => SnmpPrivProtocol.Aes256,
        _ => SnmpPrivProtocol.None,
    };
}
