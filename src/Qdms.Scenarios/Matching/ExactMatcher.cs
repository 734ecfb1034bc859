using System.Text;
using Qdms.Scenarios.Format;

namespace Qdms.Scenarios.Matching;

/// <summary>The frame equals these bytes exactly (written as ASCII or HEX).</summary>
public sealed class ExactMatcher(byte[] expected, bool writtenAsHex) : FrameMatcher
{
    /// <summary>The expected bytes.</summary>
    public ReadOnlyMemory<byte> Expected => expected;

    /// <inheritdoc />
    public override bool IsMatch(ReadOnlySpan<byte> frame, IDictionary<string, string> captures) => frame.SequenceEqual(expected);

    /// <inheritdoc />
    public override string Describe() => writtenAsHex ? $"hex {Hex.Format(expected)}" : $"ascii \"{Encoding.Latin1.GetString(expected)}\"";
}
