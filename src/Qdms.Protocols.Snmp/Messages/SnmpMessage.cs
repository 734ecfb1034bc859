using System.Buffers;
using System.Text;
using Qdms.Protocols.Snmp.Ber;

namespace Qdms.Protocols.Snmp.Messages;

/// <summary>
/// A community-based SNMP message (RFC 1157 §4, RFC 1901 §3), one per UDP datagram (RFC 3417 §3):
/// <code>
///  Message ::= SEQUENCE {
///      version   INTEGER { version-1(0), version-2c(1) },
///      community OCTET STRING,
///      data      PDU }
/// </code>
/// SNMPv3 messages (version 3) have their own shape: see SnmpV3Message.
/// </summary>
/// <param name="Version">v1 or v2c.</param>
/// <param name="Community">The community string's octets.</param>
/// <param name="Pdu">The PDU; v1 carries no GetBulk/Inform/SNMPv2-Trap/Report, v2c no v1 Trap-PDU.</param>
public sealed record SnmpMessage(SnmpVersion Version, ReadOnlyMemory<byte> Community, Pdu Pdu)
{
    /// <summary>A message whose community is given as text (UTF-8).</summary>
    public SnmpMessage(SnmpVersion version, string community, Pdu pdu) : this(version, Encoding.UTF8.GetBytes(community), pdu)
    {
    }

    /// <summary>Whether <paramref name="type"/> may travel in a message of <paramref name="version"/> (RFC 3584 §4.1.1, RFC 3416 §3).</summary>
    public static bool Allows(SnmpVersion version, SnmpPduType type) => version == SnmpVersion.V1
        ? type is SnmpPduType.GetRequest or SnmpPduType.GetNextRequest or SnmpPduType.Response or SnmpPduType.SetRequest or SnmpPduType.TrapV1
        : type != SnmpPduType.TrapV1;

    /// <summary>Reads only the outer SEQUENCE header and the version field, to route a datagram to the right decoder.</summary>
    public static bool TryPeekVersion(ReadOnlySpan<byte> datagram, out SnmpVersion version)
    {
        version = default;
        var reader = new BerReader(datagram);
        if (!reader.TryReadConstructed(BerTag.Sequence, out var body) || !body.TryReadInt32(BerTag.Integer, out var number) ||
            number is not (0 or 1 or 3))
            return false;
        version = (SnmpVersion)number;
        return true;
    }

    /// <summary>Decodes one datagram; on failure <paramref name="error"/> names the offset and what was wrong. Never throws.</summary>
    public static bool TryRead(ReadOnlySpan<byte> datagram, out SnmpMessage message, out string error)
    {
        message = null!;
        var reader = new BerReader(datagram);
        if (!reader.TryReadConstructed(BerTag.Sequence, out var body))
        {
            error = reader.Error!;
            return false;
        }
        if (!reader.TryExpectEnd("the datagram"))
        {
            error = reader.Error!;
            return false;
        }
        var versionAt = body.Offset;
        if (!body.TryReadInt32(BerTag.Integer, out var version))
        {
            error = body.Error!;
            return false;
        }
        if (version is not (0 or 1))
        {
            error = $"offset {versionAt}: unsupported version {version} (only v1 = 0 and v2c = 1)";
            return false;
        }
        if (!body.TryReadOctetString(BerTag.OctetString, out var community))
        {
            error = body.Error!;
            return false;
        }
        var pduAt = body.Offset;
        if (!Pdu.TryRead(ref body, out var pdu) || !body.TryExpectEnd("the message"))
        {
            error = body.Error!;
            return false;
        }
        if (!Allows((SnmpVersion)version, pdu.Type))
        {
            error = $"offset {pduAt}: a {pdu.Type} PDU is not allowed in a {(SnmpVersion)version} message";
            return false;
        }
        message = new SnmpMessage((SnmpVersion)version, community.ToArray(), pdu);
        error = "";
        return true;
    }

    /// <summary>Encodes the message into <paramref name="destination"/>; returns the number of bytes written.</summary>
    public int Write(IBufferWriter<byte> destination)
    {
        var bytes = Encode();
        destination.Write(bytes);
        return bytes.Length;
    }

    /// <summary>Encodes the message into a new array.</summary>
    public byte[] ToArray() => Encode().ToArray();

    private ReadOnlySpan<byte> Encode()
    {
        if (Version is not (SnmpVersion.V1 or SnmpVersion.V2c))
            throw new InvalidOperationException($"a community-based message is v1 or v2c, not {Version}");
        if (!Allows(Version, Pdu.Type))
            throw new InvalidOperationException($"a {Pdu.Type} PDU is not allowed in a {Version} message");
        var writer = new BerWriter();
        var message = writer.BeginConstructed(BerTag.Sequence);
        writer.WriteInteger(BerTag.Integer, (int)Version);
        writer.WritePrimitive(BerTag.OctetString, Community.Span);
        Pdu.Write(writer);
        writer.EndConstructed(message);
        return writer.Written;
    }

    /// <summary>Equality by fields, community by content.</summary>
    public bool Equals(SnmpMessage? other) =>
        other is not null && Version == other.Version && Community.Span.SequenceEqual(other.Community.Span) && Pdu.Equals(other.Pdu);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Version, Community.Length, Pdu);
}
