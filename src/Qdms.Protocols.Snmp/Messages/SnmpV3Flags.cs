namespace Qdms.Protocols.Snmp.Messages;

/// <summary>The msgFlags octet of an SNMPv3 message (RFC 3412 §6.4).</summary>
[Flags]
public enum SnmpV3Flags : byte
{
    /// <summary>noAuthNoPriv, not reportable.</summary>
    None = 0,
    /// <summary>authFlag: the message is authenticated.</summary>
    Auth = 1,
    /// <summary>privFlag: the scoped PDU is encrypted (only with authFlag).</summary>
    Priv = 2,
    /// <summary>reportableFlag: a Report-PDU may be sent back on error.</summary>
    Reportable = 4,
}
