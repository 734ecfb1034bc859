using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Engines.Snmp.Access;

/// <summary>
/// The SNMP operations the engine uses, over whatever manager the protocol library offers. Errors come as the library's
/// exceptions (timeout, error-status, authentication); <see cref="SnmpFaults"/> turns them into task faults.
/// </summary>
internal interface ISnmpAccess : IAsyncDisposable
{
    Task<IReadOnlyList<VarBind>> GetAsync(AgentTarget target, IReadOnlyList<Oid> oids, CancellationToken ct);

    Task<IReadOnlyList<VarBind>> SetAsync(AgentTarget target, IReadOnlyList<VarBind> varBinds, CancellationToken ct);

    Task<IReadOnlyList<VarBind>> WalkAsync(AgentTarget target, Oid root, CancellationToken ct);

    /// <summary>The rows of the table made of <paramref name="columns"/>, in index order.</summary>
    Task<IReadOnlyList<AgentRow>> GetTableAsync(AgentTarget target, IReadOnlyList<Oid> columns, CancellationToken ct);
}
