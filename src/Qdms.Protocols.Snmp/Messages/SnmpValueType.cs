using Qdms.Protocols.Snmp.Ber;

namespace Qdms.Protocols.Snmp.Messages;

/// <summary>The kinds of value a varbind carries (RFC 3416 §3 ObjectSyntax and exceptions); each value is its BER tag.</summary>
public enum SnmpValueType : byte
{
    /// <summary>INTEGER / Integer32.</summary>
    Integer = BerTag.Integer,
    /// <summary>OCTET STRING.</summary>
    OctetString = BerTag.OctetString,
    /// <summary>NULL (the unSpecified value of a request).</summary>
    Null = BerTag.Null,
    /// <summary>OBJECT IDENTIFIER.</summary>
    ObjectIdentifier = BerTag.ObjectIdentifier,
    /// <summary>IpAddress: four octets.</summary>
    IpAddress = BerTag.IpAddress,
    /// <summary>Counter32.</summary>
    Counter32 = BerTag.Counter32,
    /// <summary>Gauge32 / Unsigned32.</summary>
    Gauge32 = BerTag.Gauge32,
    /// <summary>TimeTicks: hundredths of a second.</summary>
    TimeTicks = BerTag.TimeTicks,
    /// <summary>Opaque: an arbitrary BER-encoded value, kept as octets.</summary>
    Opaque = BerTag.Opaque,
    /// <summary>Counter64.</summary>
    Counter64 = BerTag.Counter64,
    /// <summary>noSuchObject exception.</summary>
    NoSuchObject = BerTag.NoSuchObject,
    /// <summary>noSuchInstance exception.</summary>
    NoSuchInstance = BerTag.NoSuchInstance,
    /// <summary>endOfMibView exception.</summary>
    EndOfMibView = BerTag.EndOfMibView,
}
