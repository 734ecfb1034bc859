using System.Buffers.Binary;

namespace Qdms.Protocols.Snmp.Ber;

/// <summary>
/// Writes DER-shaped BER (X.690 §8, §10.1): definite lengths in the shortest form, minimal integers.
/// Constructed elements are opened with <see cref="BeginConstructed"/> and closed with <see cref="EndConstructed"/>,
/// which inserts the length once the content is known.
/// </summary>
public sealed class BerWriter
{
    private byte[] _buffer = new byte[256];
    private int _length;

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    /// <summary>Starts a constructed element; pass the returned mark to <see cref="EndConstructed"/>.</summary>
    public int BeginConstructed(byte tag)
    {
        WriteByte(tag);
        WriteByte(0); // length placeholder, widened on close when needed
        return _length;
    }

    /// <summary>Closes the constructed element opened at <paramref name="mark"/>.</summary>
    public void EndConstructed(int mark)
    {
        var contentLength = _length - mark;
        var lengthOctets = LengthOfLength(contentLength);
        if (lengthOctets > 1)
        {
            Ensure(lengthOctets - 1);
            _buffer.AsSpan(mark, contentLength).CopyTo(_buffer.AsSpan(mark + lengthOctets - 1));
            _length += lengthOctets - 1;
        }
        WriteLengthAt(mark - 1, contentLength);
    }

    /// <summary>Writes a primitive element with the given tag and content.</summary>
    public void WritePrimitive(byte tag, ReadOnlySpan<byte> content)
    {
        WriteHeader(tag, content.Length);
        Ensure(content.Length);
        content.CopyTo(_buffer.AsSpan(_length));
        _length += content.Length;
    }

    /// <summary>Writes a signed INTEGER in its minimal two's-complement form (X.690 §8.3.2).</summary>
    public void WriteInteger(byte tag, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        var start = 0;
        while (start < 7 && ((bytes[start] == 0x00 && (bytes[start + 1] & 0x80) == 0) ||
                             (bytes[start] == 0xFF && (bytes[start + 1] & 0x80) != 0)))
            start++;
        WritePrimitive(tag, bytes[start..]);
    }

    /// <summary>Writes an unsigned value as a non-negative INTEGER: minimal, with a leading 0x00 before a set top bit.</summary>
    public void WriteUnsigned(byte tag, ulong value)
    {
        Span<byte> bytes = stackalloc byte[9];
        bytes[0] = 0;
        BinaryPrimitives.WriteUInt64BigEndian(bytes[1..], value);
        var start = 0;
        while (start < 8 && bytes[start] == 0 && (bytes[start + 1] & 0x80) == 0)
            start++;
        WritePrimitive(tag, bytes[start..]);
    }

    /// <summary>Writes a NULL-shaped element (NULL or an RFC 3416 exception).</summary>
    public void WriteNull(byte tag) => WritePrimitive(tag, []);

    /// <summary>Writes an OBJECT IDENTIFIER (X.690 §8.19).</summary>
    public void WriteOid(Messages.Oid oid)
    {
        var arcs = oid.Arcs.Span;
        var length = OidCodec.EncodedLength(arcs);
        WriteHeader(BerTag.ObjectIdentifier, length);
        Ensure(length);
        _length += OidCodec.Encode(arcs, _buffer.AsSpan(_length));
    }

    private void WriteHeader(byte tag, int length)
    {
        WriteByte(tag);
        var n = LengthOfLength(length);
        Ensure(n);
        _length += n;
        WriteLengthAt(_length - n, length);
    }

    // X.690 §8.1.3: short form below 128, else 0x80|count followed by the big-endian length.
    private static int LengthOfLength(int length) => length < 0x80 ? 1 : length <= 0xFF ? 2 : length <= 0xFFFF ? 3 : length <= 0xFF_FFFF ? 4 : 5;

    private void WriteLengthAt(int position, int length)
    {
        var n = LengthOfLength(length);
        if (n == 1)
        {
            _buffer[position] = (byte)length;
            return;
        }
        _buffer[position] = (byte)(0x80 | (n - 1));
        for (var i = n - 1; i >= 1; i--)
        {
            _buffer[position + i] = (byte)length;
            length >>= 8;
        }
    }

    private void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[_length++] = value;
    }

    private void Ensure(int extra)
    {
        if (_length + extra <= _buffer.Length)
            return;
        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + extra));
    }
}
