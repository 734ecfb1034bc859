namespace Qdms.Scenarios.Framing;

/// <summary>Every <c>size</c> bytes make a frame.</summary>
internal sealed class FixedSizeAssembler(int size) : FrameAssembler
{
    private readonly List<byte> _pending = [];

    public override bool HasPending => _pending.Count > 0;

    public override IReadOnlyList<byte[]> Push(ReadOnlySpan<byte> chunk)
    {
        _pending.AddRange(chunk);
        var frames = new List<byte[]>();
        while (_pending.Count >= size)
        {
            frames.Add(_pending.GetRange(0, size).ToArray());
            _pending.RemoveRange(0, size);
        }

        return frames;
    }
}
