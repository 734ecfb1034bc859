namespace Qdms.Protocols.Snmp.Messages;

/// <summary>The msgVersion field (RFC 1157 §4, RFC 1901 §3, RFC 3412 §6).</summary>
public enum SnmpVersion
{
    /// <summary>version-1(0), community-based.</summary>
    V1 = 0,
    /// <summary>version-2c(1), community-based.</summary>
    V2c = 1,
    /// <summary>snmpv3(3), with the User-based Security Model (RFC 3414).</summary>
    V3 = 3,
}
