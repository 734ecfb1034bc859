namespace Qdms.Protocols.Snmp.Ber;

/// <summary>The single-byte BER identifiers SNMP uses (X.690 §8.1.2; RFC 2578 §7.1; RFC 3416 §3).</summary>
public static class BerTag
{
    /// <summary>UNIVERSAL 2, primitive.</summary>
    public const byte Integer = 0x02;
    /// <summary>UNIVERSAL 4, primitive.</summary>
    public const byte OctetString = 0x04;
    /// <summary>UNIVERSAL 5, primitive.</summary>
    public const byte Null = 0x05;
    /// <summary>UNIVERSAL 6, primitive.</summary>
    public const byte ObjectIdentifier = 0x06;
    /// <summary>UNIVERSAL 16, constructed.</summary>
    public const byte Sequence = 0x30;
    /// <summary>[APPLICATION 0] IpAddress.</summary>
    public const byte IpAddress = 0x40;
    /// <summary>[APPLICATION 1] Counter32.</summary>
    public const byte Counter32 = 0x41;
    /// <summary>[APPLICATION 2] Gauge32 (Unsigned32).</summary>
    public const byte Gauge32 = 0x42;
    /// <summary>[APPLICATION 3] TimeTicks.</summary>
    public const byte TimeTicks = 0x43;
    /// <summary>[APPLICATION 4] Opaque.</summary>
    public const byte Opaque = 0x44;
    /// <summary>[APPLICATION 6] Counter64.</summary>
    public const byte Counter64 = 0x46;
    /// <summary>[CONTEXT 0] noSuchObject, primitive NULL content.</summary>
    public const byte NoSuchObject = 0x80;
    /// <summary>[CONTEXT 1] noSuchInstance.</summary>
    public const byte NoSuchInstance = 0x81;
    /// <summary>[CONTEXT 2] endOfMibView.</summary>
    public const byte EndOfMibView = 0x82;
}
