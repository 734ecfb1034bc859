namespace Qdms.Scenarios.Framing;

/// <summary>
/// Frames end with a delimiter, which is dropped; empty frames (two delimiters in a row) are skipped. Input that grows past
/// the limit without a delimiter is emitted as one frame so a babbling line cannot exhaust memory.
/// </summary>
internal sealed class DelimiterAssembler(byte[] delimiter, int maxFrame) : FrameAssembler
{
    private readonly List<byte> _pending = [];

    public override bool HasPending => _pending.Count > 0;

    public override IReadOnlyList<byte[]> Push(ReadOnlySpan<byte> chunk)
    {
        var frames = new List<byte[]>();
        foreach (var b in chunk)
        {
            _pending.Add(b);
            if (EndsWithDelimiter())
            {
                var frame = _pending.GetRange(0, _pending.Count - delimiter.Length).ToArray();
                _pending.Clear();
                if (frame.Length > 0)
                {
                    frames.Add(frame);
                }
            }
            else if (_pending.Count >= maxFrame)
            {
                frames.Add([.. _pending]);
                _pending.Clear();
            }
        }

        return frames;
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

    private bool EndsWithDelimiter()
    {
        if (_pending.Count < delimiter.Length)
        {
            return false;
        }

        var start = _pending.Count - delimiter.Length;
        for (var i = 0; i < delimiter.Length; i++)
        {
            if (_pending[start + i] != delimiter[i])
            {
                return false;
            }
        }

        return true;
    }
}
