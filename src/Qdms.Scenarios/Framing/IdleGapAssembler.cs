namespace Qdms.Scenarios.Framing;

/// <summary>Bytes gather until the line is quiet for the gap (the receive loop calls <see cref="Flush"/>), or the limit is reached.</summary>
internal sealed class IdleGapAssembler(int maxFrame) : FrameAssembler
{
    private readonly List<byte> _pending = [];

    public override bool HasPending => _pending.Count > 0;

    public override IReadOnlyList<byte[]> Push(ReadOnlySpan<byte> chunk)
    {
        _pending.AddRange(chunk);
        if (_pending.Count < maxFrame)
        {
            return [];
        }

        var frame = _pending.ToArray();
        _pending.Clear();
        return [frame];
    }

    public override byte[]? Flush()
    {
        if (_pending.Count == 0)
        {
            return null;
        }

        var frame = _pending.ToArray();
        _pending.Clear();
        return frame;
    }
}
