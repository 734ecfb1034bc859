using Qdms.Scenarios.Format;

namespace Qdms.Scenarios.Framing;

/// <summary>Cuts received chunks into frames as a scenario's framing says.</summary>
public abstract class FrameAssembler
{
    /// <summary>The assembler for <paramref name="spec"/>.</summary>
    public static FrameAssembler For(FramingSpec spec) => spec.Kind switch
    {
        FramingKind.Delimiter => new DelimiterAssembler(spec.Delimiter, spec.MaxFrame),
        FramingKind.Length => new LengthPrefixAssembler(spec.LengthBytes, spec.LengthBigEndian, spec.LengthIncludesHeader, spec.MaxFrame),
        FramingKind.Fixed => new FixedSizeAssembler(spec.Size),
        FramingKind.Idle => new IdleGapAssembler(spec.MaxFrame),
        _ => new RawAssembler(),
    };

    /// <summary>Adds a chunk; returns the frames it completed, in order.</summary>
    public abstract IReadOnlyList<byte[]> Push(ReadOnlySpan<byte> chunk);

    /// <summary>Whether bytes of an incomplete frame are held.</summary>
    public abstract bool HasPending { get; }

    /// <summary>Ends the pending frame (the line went quiet for the idle gap); null when nothing is held.</summary>
    public virtual byte[]? Flush() => null;
}
