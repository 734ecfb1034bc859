namespace Qdms.Scenarios.Running;

/// <summary>A pluggable protocol decoder: turns a received frame into named fields for the receive buffer and the log.</summary>
public interface IFrameDecoder
{
    /// <summary>The fields of <paramref name="frame"/>, or null when this decoder does not understand it.</summary>
    IReadOnlyDictionary<string, string>? Decode(ReadOnlySpan<byte> frame);
}
