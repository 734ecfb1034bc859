using System.Net;
using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Protocols.Snmp.Notifications;

/// <summary>
/// One trap or inform as received. v2c/v3 notifications carry sysUpTime.0 and snmpTrapOID.0 as their first two
/// varbinds (RFC 3416 §4.2.6); those become <see cref="Uptime"/> and <see cref="TrapOid"/> and <see cref="VarBinds"/>
/// holds the rest. A v1 trap is translated to a <see cref="TrapOid"/> per RFC 3584 §3.1 and keeps its v1 fields.
/// </summary>
/// <param name="Source">Where the datagram came from.</param>
/// <param name="Version">v1, v2c or v3.</param>
/// <param name="IsInform">True for an InformRequest (which has been acknowledged).</param>
/// <param name="Community">The community (v1/v2c).</param>
/// <param name="UserName">The USM user (v3).</param>
/// <param name="EngineId">The authoritative engine id of the message (v3): the sender's for a trap, ours for an inform.</param>
/// <param name="TrapOid">snmpTrapOID.0, or its RFC 3584 translation for a v1 trap.</param>
/// <param name="Uptime">sysUpTime.0 (or the v1 time-stamp), in hundredths of a second.</param>
/// <param name="VarBinds">The remaining variable bindings.</param>
/// <param name="Enterprise">v1: the enterprise field.</param>
/// <param name="AgentAddress">v1: the agent-addr field.</param>
/// <param name="Generic">v1: the generic-trap field.</param>
/// <param name="Specific">v1: the specific-trap field.</param>
public sealed record SnmpNotification(IPEndPoint Source, SnmpVersion Version, bool IsInform, string? Community, string? UserName, byte[]? EngineId,
    Oid TrapOid, uint Uptime, IReadOnlyList<VarBind> VarBinds, Oid? Enterprise = null, IPAddress? AgentAddress = null, GenericTrap? Generic = null,
    int? Specific = null)
{
    /// <summary>sysUpTime.0 (RFC 3418).</summary>
    public static readonly Oid SysUpTime = new(1, 3, 6, 1, 2, 1, 1, 3, 0);

    /// <summary>snmpTrapOID.0 (RFC 3418).</summary>
    public static readonly Oid SnmpTrapOid = new(1, 3, 6, 1, 6, 3, 1, 1, 4, 1, 0);

    /// <summary>snmpTraps (RFC 3418): the generic traps are its children 1..6.</summary>
    public static readonly Oid SnmpTraps = new(1, 3, 6, 1, 6, 3, 1, 1, 5);

    /// <summary>RFC 3584 §3.1 (3): a generic trap becomes snmpTraps.(generic+1); an enterprise-specific one enterprise.0.specific.</summary>
    public static Oid TranslateV1(Oid enterprise, GenericTrap generic, int specific) => generic == GenericTrap.EnterpriseSpecific
        ? enterprise.Append(0, unchecked((uint)specific))
        : SnmpTraps.Append((uint)generic + 1);
}
