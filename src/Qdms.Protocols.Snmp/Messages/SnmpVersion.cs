namespace Qdms.Protocols.Snmp.Messages;

/// <summary>The version field of a community-based message (RFC 1157 §4, RFC 1901 §3). SNMPv3 (3) is not supported.</summary>
public enum SnmpVersion
{
    /// <summary>version-1(0).</summary>
    V1 = 0,
    /// <summary>version-2c(1).</summary>
    V2c = 1,
}
