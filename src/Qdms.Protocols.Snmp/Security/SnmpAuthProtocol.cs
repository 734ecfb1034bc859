namespace Qdms.Protocols.Snmp.Security;

/// <summary>USM authentication protocols: HMAC-MD5-96 and HMAC-SHA-96 (RFC 3414 §6, §7) and the SHA-2 HMACs of RFC 7860.</summary>
public enum SnmpAuthProtocol
{
    /// <summary>noAuth.</summary>
    None,
    /// <summary>usmHMACMD5AuthProtocol, 12-octet MAC.</summary>
    Md5,
    /// <summary>usmHMACSHAAuthProtocol, 12-octet MAC.</summary>
    Sha1,
    /// <summary>usmHMAC128SHA224AuthProtocol, 16-octet MAC.</summary>
    Sha224,
    /// <summary>usmHMAC192SHA256AuthProtocol, 24-octet MAC.</summary>
    Sha256,
    /// <summary>usmHMAC256SHA384AuthProtocol, 32-octet MAC.</summary>
    Sha384,
    /// <summary>usmHMAC384SHA512AuthProtocol, 48-octet MAC.</summary>
    Sha512,
}
