namespace Qdms.Scenarios.Format;

/// <summary>Framing of received bytes (see <see cref="FramingKind"/>).</summary>
/// <param name="LengthIncludesHeader">Whether the length field counts its own bytes.</param>
/// <param name="MaxFrame">Longest frame accepted; longer input is cut and flagged.</param>
public sealed record FramingSpec(
    FramingKind Kind,
    byte[] Delimiter,
    int LengthBytes,
    bool LengthBigEndian,
    bool LengthIncludesHeader,
    int Size,
    TimeSpan Gap,
    int MaxFrame)
{
    /// <summary>The default framing limit.</summary>
    public const int DefaultMaxFrame = 64 * 1024;

    /// <summary>Raw framing.</summary>
    public static FramingSpec Raw { get; } = new(FramingKind.Raw, [], 2, true, false, 0, TimeSpan.Zero, DefaultMaxFrame);
}
