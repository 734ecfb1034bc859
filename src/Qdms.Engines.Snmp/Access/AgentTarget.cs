using System.Net;
using Qdms.Core.Snmp;

namespace Qdms.Engines.Snmp.Access;

/// <summary>One agent and how to reach it, secrets opened: what the engine hands to <see cref="ISnmpAccess"/>. Never logged whole.</summary>
internal sealed record AgentTarget(
    IPEndPoint EndPoint,
    SnmpDeviceVersion Version,
    string? Community,
    AgentUser? User,
    string? ContextName,
    TimeSpan Timeout,
    int Retries)
{
    /// <summary>Address and version only.</summary>
    public override string ToString() => $"{EndPoint} v{SnmpNames.Name(Version)}";
}
