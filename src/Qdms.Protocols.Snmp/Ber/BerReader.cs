namespace Qdms.Protocols.Snmp.Ber;

/// <summary>
/// A forward-only, bounds-checked reader of definite-length BER (X.690 §8.1) over one datagram.
/// Every failed read leaves <see cref="Error"/> naming the absolute offset where the input went wrong;
/// nothing is allocated before its length has been checked against the remaining input.
/// </summary>
/// <remarks>
/// Identifier and length octets (X.690 §8.1.2, §8.1.3):
/// <code>
///  +-----+----------------------------+----------------+
///  | tag | 0LLLLLLL  or  1nnnnnnn L*n | content (L)    |
///  +-----+----------------------------+----------------+
/// </code>
/// Only low tag numbers (one identifier octet) and the definite form occur in SNMP; the indefinite form (0x80)
/// and long forms above four length octets are rejected.
/// </remarks>
public ref struct BerReader
{
    /// <summary>The largest length this reader accepts for any element: a UDP datagram's payload bound.</summary>
    public const int MaxLength = 65_507;

    private readonly ReadOnlySpan<byte> _buffer;
    private readonly int _baseOffset;
    private readonly int _maxLength;
    private int _position;

    /// <summary>Reads <paramref name="buffer"/>, whose first byte sits at <paramref name="baseOffset"/> of the datagram.</summary>
    public BerReader(ReadOnlySpan<byte> buffer, int baseOffset = 0, int maxLength = MaxLength)
    {
        _buffer = buffer;
        _baseOffset = baseOffset;
        _maxLength = maxLength;
        _position = 0;
        Error = null;
    }

    /// <summary>The absolute offset of the next unread byte.</summary>
    public readonly int Offset => _baseOffset + _position;

    /// <summary>True when every byte has been consumed.</summary>
    public readonly bool IsAtEnd => _position >= _buffer.Length;

    /// <summary>Why the last read failed, naming the offset; null while every read succeeded.</summary>
    public string? Error { get; private set; }

    /// <summary>Looks at the next tag without consuming it.</summary>
    public bool TryPeekTag(out byte tag)
    {
        if (_position >= _buffer.Length)
        {
            tag = 0;
            return Fail(Offset, "expected a tag but the input ended");
        }
        tag = _buffer[_position];
        return true;
    }

    /// <summary>Reads one element's header and content, whatever its tag.</summary>
    public bool TryReadElement(out byte tag, out ReadOnlySpan<byte> content, out int contentOffset)
    {
        content = default;
        contentOffset = 0;
        if (!TryPeekTag(out tag))
            return false;
        var tagOffset = Offset;
        if ((tag & 0x1F) == 0x1F)
            return Fail(tagOffset, $"high tag number form (0x{tag:X2}) is not used by SNMP");
        var p = _position + 1;
        if (p >= _buffer.Length)
            return Fail(_baseOffset + p, "expected a length but the input ended");
        int first = _buffer[p++];
        long length;
        if (first < 0x80)
        {
            length = first;
        }
        else if (first == 0x80)
        {
            return Fail(_baseOffset + p - 1, "indefinite length is not allowed");
        }
        else
        {
            var count = first & 0x7F;
            if (count > 4)
                return Fail(_baseOffset + p - 1, $"a length of {count} length octets is too long");
            if (p + count > _buffer.Length)
                return Fail(_baseOffset + _buffer.Length, $"expected {count} length octets but the input ended");
            length = 0;
            for (var i = 0; i < count; i++)
                length = (length << 8) | _buffer[p++];
        }
        if (length > _maxLength)
            return Fail(_baseOffset + _position + 1, $"length {length} exceeds the limit {_maxLength}");
        if (length > _buffer.Length - p)
            return Fail(_baseOffset + _position + 1, $"length {length} runs past the end of the enclosing element ({_buffer.Length - p} bytes remain)");
        content = _buffer.Slice(p, (int)length);
        contentOffset = _baseOffset + p;
        _position = p + (int)length;
        return true;
    }

    /// <summary>Reads an element that must carry <paramref name="expectedTag"/>.</summary>
    public bool TryReadElement(byte expectedTag, out ReadOnlySpan<byte> content, out int contentOffset)
    {
        var start = Offset;
        if (!TryPeekTag(out var tag))
        {
            content = default;
            contentOffset = 0;
            return false;
        }
        if (tag != expectedTag)
        {
            content = default;
            contentOffset = 0;
            return Fail(start, $"expected tag 0x{expectedTag:X2} but found 0x{tag:X2}");
        }
        return TryReadElement(out _, out content, out contentOffset);
    }

    /// <summary>Reads a constructed element and returns a reader over its content.</summary>
    public bool TryReadConstructed(byte expectedTag, out BerReader inner)
    {
        if (!TryReadElement(expectedTag, out var content, out var contentOffset))
        {
            inner = default;
            return false;
        }
        inner = new BerReader(content, contentOffset, _maxLength);
        return true;
    }

    /// <summary>Reads a two's-complement INTEGER (X.690 §8.3) that fits in 32 bits.</summary>
    public bool TryReadInt32(byte expectedTag, out int value)
    {
        value = 0;
        var start = Offset;
        if (!TryReadInt64(expectedTag, out var wide))
            return false;
        if (wide is < int.MinValue or > int.MaxValue)
            return Fail(start, $"integer {wide} does not fit in 32 bits");
        value = (int)wide;
        return true;
    }

    /// <summary>
    /// Reads a two's-complement INTEGER (X.690 §8.3) of one to eight content octets. Non-minimal encodings
    /// (redundant leading 0x00/0xFF) are tolerated as long as the content fits in eight octets.
    /// </summary>
    public bool TryReadInt64(byte expectedTag, out long value)
    {
        value = 0;
        if (!TryReadElement(expectedTag, out var content, out var contentOffset))
            return false;
        if (content.Length == 0)
            return Fail(contentOffset, "an integer needs at least one content octet");
        if (content.Length > 8)
            return Fail(contentOffset, $"an integer of {content.Length} octets does not fit in 64 bits");
        long v = (sbyte)content[0];
        for (var i = 1; i < content.Length; i++)
            v = (v << 8) | content[i];
        value = v;
        return true;
    }

    /// <summary>Reads an unsigned 32-bit application value (Counter32, Gauge32, TimeTicks; RFC 2578 §7.1.6–8).</summary>
    public bool TryReadUInt32(byte expectedTag, out uint value)
    {
        value = 0;
        var start = Offset;
        if (!TryReadUnsigned(expectedTag, 4, out var wide))
            return false;
        if (wide > uint.MaxValue)
            return Fail(start, $"value {wide} does not fit in 32 bits");
        value = (uint)wide;
        return true;
    }

    /// <summary>Reads an unsigned 64-bit application value (Counter64; RFC 2578 §7.1.10).</summary>
    public bool TryReadUInt64(byte expectedTag, out ulong value) => TryReadUnsigned(expectedTag, 8, out value);

    // Unsigned values are INTEGERs whose top bit is clear, so the full range needs a leading 0x00 (X.690 §8.3.2).
    // Leading zero octets are skipped; some agents omit the 0x00 before a set top bit, which is read as unsigned too.
    private bool TryReadUnsigned(byte expectedTag, int width, out ulong value)
    {
        value = 0;
        if (!TryReadElement(expectedTag, out var content, out var contentOffset))
            return false;
        if (content.Length == 0)
            return Fail(contentOffset, "an unsigned value needs at least one content octet");
        if (content.Length > width + 1)
            return Fail(contentOffset, $"an unsigned value of {content.Length} octets is longer than {width + 1}");
        var digits = content;
        while (digits.Length > 1 && digits[0] == 0)
            digits = digits[1..];
        if (digits.Length > width)
            return Fail(contentOffset, $"value does not fit in {width * 8} bits");
        ulong v = 0;
        foreach (var b in digits)
            v = (v << 8) | b;
        value = v;
        return true;
    }

    /// <summary>Reads a primitive octet string with the given tag (OCTET STRING, IpAddress, Opaque).</summary>
    public bool TryReadOctetString(byte expectedTag, out ReadOnlySpan<byte> value) =>
        TryReadElement(expectedTag, out value, out _);

    /// <summary>Reads a NULL-shaped element (NULL or one of the RFC 3416 exceptions): its content must be empty.</summary>
    public bool TryReadNull(byte expectedTag)
    {
        if (!TryReadElement(expectedTag, out var content, out var contentOffset))
            return false;
        return content.Length == 0 || Fail(contentOffset, $"a null value must be empty but has {content.Length} octets");
    }

    /// <summary>Reads an OBJECT IDENTIFIER (X.690 §8.19).</summary>
    public bool TryReadOid(out Messages.Oid value)
    {
        value = null!;
        if (!TryReadElement(BerTag.ObjectIdentifier, out var content, out var contentOffset))
            return false;
        if (!OidCodec.TryDecode(content, contentOffset, out var arcs, out var error))
            return Fail(contentOffset, error);
        value = new Messages.Oid(arcs);
        return true;
    }

    /// <summary>Fails unless every byte has been consumed (trailing data inside a sequence is malformed).</summary>
    public bool TryExpectEnd(string what) =>
        IsAtEnd || Fail(Offset, $"unexpected data after the last element of {what}");

    /// <summary>Records a semantic error found by a caller after a successful structural read.</summary>
    internal void SetError(int offset, string message) => Fail(offset, message);

    private bool Fail(int offset, string message)
    {
        Error = message.StartsWith("offset ", StringComparison.Ordinal) ? message : $"offset {offset}: {message}";
        return false;
    }
}
