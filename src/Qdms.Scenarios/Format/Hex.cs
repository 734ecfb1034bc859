using System.Globalization;
using System.Text;

namespace Qdms.Scenarios.Format;

/// <summary>HEX text (<c>"41 54 0D 0A"</c>, spaces optional) to bytes and back.</summary>
public static class Hex
{
    /// <summary>Parses HEX; throws <see cref="FormatException"/> naming the first bad digit's offset.</summary>
    public static byte[] Parse(string text)
    {
        var digits = new List<(char C, int Offset)>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c == ':' || c == '-')
            {
                continue;
            }

            if (!char.IsAsciiHexDigit(c))
            {
                throw new FormatException($"'{c}' at offset {i} is not a hex digit");
            }

            digits.Add((c, i));
        }

        if (digits.Count % 2 != 0)
        {
            throw new FormatException($"odd number of hex digits ({digits.Count}): the last byte is incomplete");
        }

        var bytes = new byte[digits.Count / 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = byte.Parse($"{digits[2 * i].C}{digits[(2 * i) + 1].C}", NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }

        return bytes;
    }

    /// <summary><c>41 54 0D 0A</c>.</summary>
    public static string Format(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>Printable ASCII as is, other bytes as '.'.</summary>
    public static string Printable(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i] = bytes[i] is >= 0x20 and < 0x7F ? (char)bytes[i] : '.';
        }

        return new string(chars);
    }
}
