using System.Globalization;
using System.Text;
using Qdms.Protocols.Snmp.Ber;

namespace Qdms.Protocols.Snmp.Messages;

/// <summary>
/// One varbind value. A single readonly struct (rather than a record per type) keeps numeric values
/// allocation-free and lets callers switch on <see cref="Type"/>; the accessors throw when asked for the wrong kind.
/// </summary>
public readonly struct SnmpValue : IEquatable<SnmpValue>
{
    private readonly SnmpValueType _type;
    private readonly ulong _number;
    private readonly byte[]? _octets;
    private readonly Oid? _oid;

    private SnmpValue(SnmpValueType type, ulong number, byte[]? octets, Oid? oid)
    {
        _type = type;
        _number = number;
        _octets = octets;
        _oid = oid;
    }

    /// <summary>The kind of value; <c>default(SnmpValue)</c> is NULL.</summary>
    public SnmpValueType Type => _type == 0 ? SnmpValueType.Null : _type;

    /// <summary>The NULL value requests carry.</summary>
    public static SnmpValue Null => new(SnmpValueType.Null, 0, null, null);
    /// <summary>The noSuchObject exception.</summary>
    public static SnmpValue NoSuchObject => new(SnmpValueType.NoSuchObject, 0, null, null);
    /// <summary>The noSuchInstance exception.</summary>
    public static SnmpValue NoSuchInstance => new(SnmpValueType.NoSuchInstance, 0, null, null);
    /// <summary>The endOfMibView exception.</summary>
    public static SnmpValue EndOfMibView => new(SnmpValueType.EndOfMibView, 0, null, null);

    /// <summary>An INTEGER.</summary>
    public static SnmpValue Integer(int value) => new(SnmpValueType.Integer, unchecked((ulong)value), null, null);
    /// <summary>An OCTET STRING.</summary>
    public static SnmpValue OctetString(ReadOnlySpan<byte> value) => new(SnmpValueType.OctetString, 0, value.ToArray(), null);
    /// <summary>An OCTET STRING holding UTF-8 text.</summary>
    public static SnmpValue OctetString(string text) => OctetString(Encoding.UTF8.GetBytes(text));
    /// <summary>An OBJECT IDENTIFIER.</summary>
    public static SnmpValue ObjectIdentifier(Oid value) => new(SnmpValueType.ObjectIdentifier, 0, null, value ?? throw new ArgumentNullException(nameof(value)));
    /// <summary>An IpAddress; it must be four octets (RFC 2578 §7.1.5).</summary>
    public static SnmpValue IpAddress(ReadOnlySpan<byte> address) => address.Length == 4
        ? new(SnmpValueType.IpAddress, 0, address.ToArray(), null)
        : throw new ArgumentException($"an IpAddress is 4 octets, not {address.Length}", nameof(address));
    /// <summary>A Counter32.</summary>
    public static SnmpValue Counter32(uint value) => new(SnmpValueType.Counter32, value, null, null);
    /// <summary>A Gauge32.</summary>
    public static SnmpValue Gauge32(uint value) => new(SnmpValueType.Gauge32, value, null, null);
    /// <summary>A TimeTicks value in hundredths of a second.</summary>
    public static SnmpValue TimeTicks(uint value) => new(SnmpValueType.TimeTicks, value, null, null);
    /// <summary>An Opaque value (its octets are kept as they are).</summary>
    public static SnmpValue Opaque(ReadOnlySpan<byte> value) => new(SnmpValueType.Opaque, 0, value.ToArray(), null);
    /// <summary>A Counter64.</summary>
    public static SnmpValue Counter64(ulong value) => new(SnmpValueType.Counter64, value, null, null);

    /// <summary>True for noSuchObject, noSuchInstance and endOfMibView.</summary>
    public bool IsException => Type is SnmpValueType.NoSuchObject or SnmpValueType.NoSuchInstance or SnmpValueType.EndOfMibView;

    /// <summary>The INTEGER value.</summary>
    public int AsInt32() => Type == SnmpValueType.Integer ? unchecked((int)_number) : throw WrongType("an INTEGER");

    /// <summary>The value of a Counter32, Gauge32 or TimeTicks.</summary>
    public uint AsUInt32() => Type is SnmpValueType.Counter32 or SnmpValueType.Gauge32 or SnmpValueType.TimeTicks
        ? (uint)_number : throw WrongType("an unsigned 32-bit value");

    /// <summary>The value of a Counter64 (or any unsigned 32-bit value, widened).</summary>
    public ulong AsUInt64() => Type is SnmpValueType.Counter64 or SnmpValueType.Counter32 or SnmpValueType.Gauge32 or SnmpValueType.TimeTicks
        ? _number : throw WrongType("an unsigned value");

    /// <summary>The octets of an OCTET STRING, IpAddress or Opaque.</summary>
    public ReadOnlySpan<byte> AsOctets() => _octets ?? throw WrongType("an octet string");

    /// <summary>An OCTET STRING decoded as UTF-8.</summary>
    public string AsString() => Type == SnmpValueType.OctetString ? Encoding.UTF8.GetString(_octets!) : throw WrongType("an OCTET STRING");

    /// <summary>The OBJECT IDENTIFIER.</summary>
    public Oid AsOid() => _oid ?? throw WrongType("an OBJECT IDENTIFIER");

    private InvalidOperationException WrongType(string wanted) => new($"the value is {Type}, not {wanted}");

    internal void Write(BerWriter writer)
    {
        var tag = (byte)Type;
        switch (Type)
        {
            case SnmpValueType.Integer:
                writer.WriteInteger(tag, unchecked((int)_number));
                break;
            case SnmpValueType.OctetString or SnmpValueType.IpAddress or SnmpValueType.Opaque:
                writer.WritePrimitive(tag, _octets);
                break;
            case SnmpValueType.ObjectIdentifier:
                writer.WriteOid(_oid!);
                break;
            case SnmpValueType.Counter32 or SnmpValueType.Gauge32 or SnmpValueType.TimeTicks or SnmpValueType.Counter64:
                writer.WriteUnsigned(tag, _number);
                break;
            default:
                writer.WriteNull(tag);
                break;
        }
    }

    internal static bool TryRead(ref BerReader reader, out SnmpValue value)
    {
        value = default;
        if (!reader.TryPeekTag(out var tag))
            return false;
        switch (tag)
        {
            case BerTag.Integer:
                if (!reader.TryReadInt32(tag, out var i))
                    return false;
                value = Integer(i);
                return true;
            case BerTag.OctetString or BerTag.Opaque:
                if (!reader.TryReadOctetString(tag, out var octets))
                    return false;
                value = new((SnmpValueType)tag, 0, octets.ToArray(), null);
                return true;
            case BerTag.IpAddress:
                var at = reader.Offset;
                if (!reader.TryReadOctetString(tag, out var address))
                    return false;
                if (address.Length != 4)
                    return FailInvalid(ref reader, at, $"an IpAddress must be 4 octets, not {address.Length}");
                value = IpAddress(address);
                return true;
            case BerTag.ObjectIdentifier:
                if (!reader.TryReadOid(out var oid))
                    return false;
                value = ObjectIdentifier(oid);
                return true;
            case BerTag.Counter32 or BerTag.Gauge32 or BerTag.TimeTicks:
                if (!reader.TryReadUInt32(tag, out var u))
                    return false;
                value = new((SnmpValueType)tag, u, null, null);
                return true;
            case BerTag.Counter64:
                if (!reader.TryReadUInt64(tag, out var u64))
                    return false;
                value = Counter64(u64);
                return true;
            case BerTag.Null or BerTag.NoSuchObject or BerTag.NoSuchInstance or BerTag.EndOfMibView:
                if (!reader.TryReadNull(tag))
                    return false;
                value = new((SnmpValueType)tag, 0, null, null);
                return true;
            default:
                return FailInvalid(ref reader, reader.Offset, $"tag 0x{tag:X2} is not an SNMP value type");
        }
    }

    private static bool FailInvalid(ref BerReader reader, int offset, string message)
    {
        reader.SetError(offset, message);
        return false;
    }

    /// <summary>An unambiguous rendering in the manner of net-snmp: <c>INTEGER: 5</c>, <c>STRING: "abc"</c>, <c>Hex-STRING: 00 FF</c>.</summary>
    public override string ToString() => Type switch
    {
        SnmpValueType.Integer => $"INTEGER: {AsInt32().ToString(CultureInfo.InvariantCulture)}",
        SnmpValueType.OctetString => IsPrintable(_octets!) ? $"STRING: \"{Encoding.ASCII.GetString(_octets!).Replace("\\", "\\\\").Replace("\"", "\\\"")}\"" : $"Hex-STRING: {Hex(_octets!)}",
        SnmpValueType.ObjectIdentifier => $"OID: .{_oid}",
        SnmpValueType.IpAddress => $"IpAddress: {_octets![0]}.{_octets[1]}.{_octets[2]}.{_octets[3]}",
        SnmpValueType.Counter32 => $"Counter32: {_number.ToString(CultureInfo.InvariantCulture)}",
        SnmpValueType.Gauge32 => $"Gauge32: {_number.ToString(CultureInfo.InvariantCulture)}",
        SnmpValueType.TimeTicks => $"Timeticks: ({_number.ToString(CultureInfo.InvariantCulture)})",
        SnmpValueType.Opaque => $"Opaque: {Hex(_octets!)}",
        SnmpValueType.Counter64 => $"Counter64: {_number.ToString(CultureInfo.InvariantCulture)}",
        SnmpValueType.NoSuchObject => "noSuchObject",
        SnmpValueType.NoSuchInstance => "noSuchInstance",
        SnmpValueType.EndOfMibView => "endOfMibView",
        _ => "NULL",
    };

    private static bool IsPrintable(byte[] octets) => octets.All(b => b is >= 0x20 and < 0x7F or (byte)'\n' or (byte)'\r' or (byte)'\t');

    private static string Hex(byte[] octets) => string.Join(' ', octets.Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));

    /// <inheritdoc />
    public bool Equals(SnmpValue other) =>
        Type == other.Type && _number == other._number && _oid == other._oid &&
        (_octets ?? []).AsSpan().SequenceEqual(other._octets ?? []);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SnmpValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Type, _number, _oid, _octets?.Length ?? 0);

    /// <summary>Value equality.</summary>
    public static bool operator ==(SnmpValue left, SnmpValue right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(SnmpValue left, SnmpValue right) => !left.Equals(right);
}
