namespace Qdms.Scenarios.Framing;

/// <summary>Each chunk (one read, or one datagram) is a frame.</summary>
internal sealed class RawAssembler : FrameAssembler
{
    public override bool HasPending => false;

    public override IReadOnlyList<byte[]> Push(ReadOnlySpan<byte> chunk) => chunk.IsEmpty ? [] : [chunk.ToArray()];
}
