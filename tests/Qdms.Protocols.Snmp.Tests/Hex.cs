using System.Globalization;

namespace Qdms.Protocols.Snmp.Tests;

/// <summary>Hex helpers for byte vectors and the golden capture files in TestData/.</summary>
internal static class Hex
{
    /// <summary>"30 03 02 01 05" → bytes (whitespace ignored).</summary>
    public static byte[] Bytes(string hex) => Convert.FromHexString(string.Concat(hex.Where(c => !char.IsWhiteSpace(c))));

    /// <summary>"30 03 …" for assertion messages.</summary>
    public static string Of(ReadOnlySpan<byte> bytes) => string.Join(' ', bytes.ToArray().Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));

    /// <summary>Reads a TestData/*.hex capture: '#' lines are provenance comments, the rest hex bytes.</summary>
    public static byte[] Capture(string name) =>
        Bytes(string.Concat(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", name)).Where(l => !l.StartsWith('#'))));
}
