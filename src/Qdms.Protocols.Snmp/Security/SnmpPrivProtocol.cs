namespace Qdms.Protocols.Snmp.Security;

/// <summary>USM privacy protocols: CBC-DES (RFC 3414 §8) and AES in CFB-128 mode (RFC 3826; 192/256-bit keys as net-snmp extends them).</summary>
public enum SnmpPrivProtocol
{
    /// <summary>noPriv.</summary>
    None,
    /// <summary>usmDESPrivProtocol.</summary>
    Des,
    /// <summary>usmAesCfb128Protocol.</summary>
    Aes128,
    /// <summary>AES-192 in CFB-128 mode.</summary>
    Aes192,
    /// <summary>AES-256 in CFB-128 mode.</summary>
    Aes256,
}
