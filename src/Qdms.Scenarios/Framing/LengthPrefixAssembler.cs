using System.Buffers.Binary;

namespace Qdms.Scenarios.Framing;

/// <summary>
/// <c>| length (1, 2 or 4 bytes) | body |</c>; the frame is the body. A length beyond the limit is a framing error: the
/// held bytes are emitted as one (bad) frame and reading starts again at the next byte.
/// </summary>
internal sealed class LengthPrefixAssembler(int lengthBytes, bool bigEndian, bool includesHeader, int maxFrame) : FrameAssembler
{
    private readonly List<byte> _pending = [];

    public override bool HasPending => _pending.Count > 0;

    public override IReadOnlyList<byte[]> Push(ReadOnlySpan<byte> chunk)
    {
        _pending.AddRange(chunk);
        var frames = new List<byte[]>();
        while (_pending.Count >= lengthBytes)
        {
            var header = _pending.GetRange(0, lengthBytes).ToArray();
            long length = lengthBytes switch
            {
                1 => header[0],
                2 => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(header) : BinaryPrimitives.ReadUInt16LittleEndian(header),
                _ => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(header) : BinaryPrimitives.ReadUInt32LittleEndian(header),
            };
            if (includesHeader)
            {
                length -= lengthBytes;
            }

            if (length < 0 || length > maxFrame)
            {
                frames.Add([.. _pending]);
                _pending.Clear();
                break;
            }

            if (_pending.Count < lengthBytes + length)
            {
                break;
            }

            frames.Add(_pending.GetRange(lengthBytes, (int)length).ToArray());
            _pending.RemoveRange(0, lengthBytes + (int)length);
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
}
