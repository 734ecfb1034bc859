using System.Buffers.Binary;

namespace Qdms.Qos.Probing;

/// <summary>
/// ICMP echo messages (RFC 792):
/// <code>
///  0       8      16              31
/// +-------+-------+---------------+
/// | type  | code  |   checksum    |   type 8 = echo request, 0 = echo reply
/// +-------+-------+---------------+
/// |  identifier   |   sequence    |
/// +---------------+---------------+
/// |  data …                       |
/// </code>
/// </summary>
public static class IcmpEcho
{
    public const byte EchoRequest = 8;
    public const byte EchoReply = 0;
    public const int HeaderLength = 8;

    /// <summary>Writes an echo request with the checksum filled in; returns its length.</summary>
    public static int WriteRequest(Span<byte> buffer, ushort identifier, ushort sequence, int dataLength)
    {
        var length = HeaderLength + dataLength;
        var packet = buffer[..length];
        packet.Clear();
        packet[0] = EchoRequest;
        BinaryPrimitives.WriteUInt16BigEndian(packet[4..], identifier);
        BinaryPrimitives.WriteUInt16BigEndian(packet[6..], sequence);
        for (var i = 0; i < dataLength; i++)
        {
            packet[HeaderLength + i] = (byte)('Q' + (i % 8));
        }

        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], Checksum(packet));
        return length;
    }

    /// <summary>
    /// Reads an echo reply from a received datagram. A raw socket hands over the IPv4 header too (<paramref name="hasIpHeader"/>),
    /// whose length is in its IHL field (RFC 791 §3.1). False for anything that is not a whole echo reply.
    /// </summary>
    public static bool TryReadReply(ReadOnlySpan<byte> datagram, bool hasIpHeader, out ushort identifier, out ushort sequence)
    {
        identifier = 0;
        sequence = 0;
        if (hasIpHeader)
        {
            if (datagram.Length < 20 || datagram[0] >> 4 != 4)
            {
                return false;
            }

            var ihl = (datagram[0] & 0x0F) * 4;
            if (ihl < 20 || datagram.Length < ihl)
            {
                return false;
            }

            datagram = datagram[ihl..];
        }

        if (datagram.Length < HeaderLength || datagram[0] != EchoReply || datagram[1] != 0)
        {
            return false;
        }

        identifier = BinaryPrimitives.ReadUInt16BigEndian(datagram[4..]);
        sequence = BinaryPrimitives.ReadUInt16BigEndian(datagram[6..]);
        return true;
    }

    /// <summary>The Internet checksum (RFC 1071): one's complement of the one's-complement sum of 16-bit words.</summary>
    public static ushort Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var i = 0;
        for (; i + 1 < data.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
        }

        if (i < data.Length)
        {
            sum += (uint)(data[i] << 8);
        }

        while (sum >> 16 != 0)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)~sum;
    }
}
