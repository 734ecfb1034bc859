namespace Qdms.Protocols.Snmp.Security;

/// <summary>The securityLevel of a v3 message (RFC 3411 §3.4.3), as the msgFlags auth and priv bits carry it.</summary>
public enum SnmpSecurityLevel
{
    /// <summary>Neither authenticated nor encrypted.</summary>
    NoAuthNoPriv = 0,
    /// <summary>Authenticated, plaintext.</summary>
    AuthNoPriv = 1,
    /// <summary>Authenticated and encrypted.</summary>
    AuthPriv = 3,
}
