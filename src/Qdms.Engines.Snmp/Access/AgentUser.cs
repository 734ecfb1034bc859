namespace Qdms.Engines.Snmp.Access;

/// <summary>An SNMPv3 USM user with its passwords opened; protocols by their <see cref="Qdms.Core.Snmp.SnmpNames"/> names.</summary>
internal sealed record AgentUser(string Name, string AuthProtocol, string? AuthPassword, string PrivProtocol, string? PrivPassword)
{
    public override string ToString() => $"user {Name} auth={AuthProtocol} priv={PrivProtocol}";
}
