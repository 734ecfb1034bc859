using System.Text;

namespace Qdms.Scenarios.Matching;

/// <summary>HEX with wildcards: <c>06 ?? 0D</c> matches any three-byte frame starting 06 and ending 0D.</summary>
public sealed class MaskMatcher(byte[] values, bool[] care, string text) : FrameMatcher
{
    /// <summary>Parses <c>"06 ?? 0D"</c> (spaces optional); throws <see cref="FormatException"/> naming the offset.</summary>
    public static MaskMatcher Parse(string text)
    {
        var compact = new StringBuilder();
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                compact.Append(c);
            }
        }

        var s = compact.ToString();
        if (s.Length == 0 || s.Length % 2 != 0)
        {
            throw new FormatException($"a mask needs whole bytes (pairs of hex digits or ??); got {s.Length} digits");
        }

        var values = new byte[s.Length / 2];
        var care = new bool[s.Length / 2];
        for (var i = 0; i < values.Length; i++)
        {
            var pair = s.Substring(i * 2, 2);
            if (pair == "??")
            {
                continue;
            }

            if (!byte.TryParse(pair, System.Globalization.NumberStyles.HexNumber, null, out values[i]))
            {
                throw new FormatException($"byte {i} '{pair}' is neither hex nor ??");
            }

            care[i] = true;
        }

        return new MaskMatcher(values, care, text);
    }

    /// <inheritdoc />
    public override bool IsMatch(ReadOnlySpan<byte> frame, IDictionary<string, string> captures)
    {
        if (frame.Length != values.Length)
        {
            return false;
        }

        for (var i = 0; i < frame.Length; i++)
        {
            if (care[i] && frame[i] != values[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override string Describe() => $"mask {text}";
}
