using System.Buffers.Binary;
using System.Text;
using Qdms.Scenarios.Format;

namespace Qdms.Scenarios.Checksums;

/// <summary>
/// The checksums a payload can carry, with their exact parameters (check values over ASCII "123456789"):
/// <list type="bullet">
/// <item>xor8: XOR of every byte (0x31).</item>
/// <item>sum8: sum of every byte modulo 256 (0xDD).</item>
/// <item>crc16-ccitt: CRC-16/CCITT-FALSE — polynomial 0x1021, initial 0xFFFF, not reflected, no final XOR (0x29B1).</item>
/// <item>crc32: CRC-32/ISO-HDLC as in zlib — reflected polynomial 0xEDB88320, initial and final XOR 0xFFFFFFFF (0xCBF43926).</item>
/// </list>
/// Binary checksums are written big-endian; hex ones as upper-case digits (2, 2, 4 or 8 of them).
/// </summary>
public static class Checksum
{
    private static readonly uint[] Crc32Table = BuildCrc32Table();

    /// <summary>The checksum value of <paramref name="data"/>.</summary>
    public static uint Compute(ChecksumKind kind, ReadOnlySpan<byte> data) => kind switch
    {
        ChecksumKind.Xor8 => Xor8(data),
        ChecksumKind.Sum8 => Sum8(data),
        ChecksumKind.Crc16Ccitt => Crc16Ccitt(data),
        ChecksumKind.Crc32 => Crc32(data),
        _ => 0,
    };

    /// <summary>How many bytes the binary form takes.</summary>
    public static int Width(ChecksumKind kind) => kind switch
    {
        ChecksumKind.Xor8 or ChecksumKind.Sum8 => 1,
        ChecksumKind.Crc16Ccitt => 2,
        ChecksumKind.Crc32 => 4,
        _ => 0,
    };

    /// <summary>The checksum of <paramref name="data"/> as it is appended.</summary>
    public static byte[] Encode(ChecksumKind kind, ChecksumFormat format, ReadOnlySpan<byte> data)
    {
        var value = Compute(kind, data);
        var width = Width(kind);
        if (format == ChecksumFormat.Hex)
        {
            return Encoding.ASCII.GetBytes(value.ToString($"X{width * 2}", System.Globalization.CultureInfo.InvariantCulture));
        }

        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes[(4 - width)..];
    }

    /// <summary>Whether <paramref name="frame"/> ends with <c>separator + checksum(body)</c>; <paramref name="body"/> is what precedes it.</summary>
    public static bool Verify(VerifySpec spec, ReadOnlySpan<byte> frame, out ReadOnlySpan<byte> body)
    {
        var width = Width(spec.Checksum) * (spec.Format == ChecksumFormat.Hex ? 2 : 1);
        body = frame;
        var tail = width + spec.Separator.Length;
        if (frame.Length < tail)
        {
            return false;
        }

        body = frame[..^tail];
        if (!frame.Slice(body.Length, spec.Separator.Length).SequenceEqual(spec.Separator))
        {
            return false;
        }

        var expected = Encode(spec.Checksum, spec.Format, body);
        return frame[^width..].SequenceEqual(expected) || (spec.Format == ChecksumFormat.Hex && AsciiEqualsIgnoreCase(frame[^width..], expected));
    }

    private static bool AsciiEqualsIgnoreCase(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) =>
        Encoding.ASCII.GetString(a).Equals(Encoding.ASCII.GetString(b), StringComparison.OrdinalIgnoreCase);

    private static uint Xor8(ReadOnlySpan<byte> data)
    {
        byte x = 0;
        foreach (var b in data)
        {
            x ^= b;
        }

        return x;
    }

    private static uint Sum8(ReadOnlySpan<byte> data)
    {
        byte s = 0;
        foreach (var b in data)
        {
            s += b;
        }

        return s;
    }

    private static uint Crc16Ccitt(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        foreach (var b in data)
        {
            crc ^= (ushort)(b << 8);
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
            }
        }

        return crc;
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = Crc32Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] BuildCrc32Table()
    {
        var t = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            t[n] = c;
        }

        return t;
    }
}
