using Qdms.Protocols.Snmp.Ber;
using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Protocols.Snmp.Tests;

public sealed class BerReaderTests
{
    private static (bool Ok, string? Error, int Length) ReadElement(string hex, int maxLength = BerReader.MaxLength)
    {
        var reader = new BerReader(Hex.Bytes(hex), 0, maxLength);
        var ok = reader.TryReadElement(out _, out var content, out _);
        return (ok, reader.Error, content.Length);
    }

    [Theory]
    [InlineData("04 03 61 62 63", 3)]
    [InlineData("04 81 03 61 62 63", 3)]        // long form, tolerated though not minimal
    [InlineData("04 82 00 03 61 62 63", 3)]
    [InlineData("04 00", 0)]
    public void Reads_short_and_long_form_lengths(string hex, int expected)
    {
        var (ok, error, length) = ReadElement(hex);
        Assert.True(ok, error);
        Assert.Equal(expected, length);
    }

    [Theory]
    [InlineData("30 80 02 01 05 00 00", "offset 1: indefinite length")]
    [InlineData("04 05 61 62", "offset 1: length 5 runs past the end")]
    [InlineData("04 85 00 00 00 00 01 61", "offset 1: a length of 5 length octets")]
    [InlineData("04 84 7F FF FF FF 61", "offset 1: length 2147483647 exceeds the limit")]
    [InlineData("04 82 01", "offset 3: expected 2 length octets")]
    [InlineData("04", "offset 1: expected a length")]
    [InlineData("1F 01 00", "offset 0: high tag number form")]
    public void Rejects_bad_lengths_naming_the_offset(string hex, string expected)
    {
        var (ok, error, _) = ReadElement(hex);
        Assert.False(ok);
        Assert.StartsWith(expected, error);
    }

    [Fact]
    public void Rejects_a_length_beyond_the_configured_maximum_before_reading_it()
    {
        var (ok, error, _) = ReadElement("04 03 61 62 63", maxLength: 2);
        Assert.False(ok);
        Assert.Equal("offset 1: length 3 exceeds the limit 2", error);
    }

    [Theory]
    [InlineData("02 01 00", 0)]
    [InlineData("02 01 7F", 127)]
    [InlineData("02 02 00 80", 128)]
    [InlineData("02 01 80", -128)]
    [InlineData("02 02 FF 7F", -129)]
    [InlineData("02 04 7F FF FF FF", int.MaxValue)]
    [InlineData("02 04 80 00 00 00", int.MinValue)]
    [InlineData("02 03 00 00 05", 5)]             // non-minimal, tolerated
    [InlineData("02 03 FF FF FF", -1)]            // non-minimal, tolerated
    public void Reads_int32(string hex, int expected)
    {
        var reader = new BerReader(Hex.Bytes(hex));
        Assert.True(reader.TryReadInt32(BerTag.Integer, out var value), reader.Error);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("02 05 00 80 00 00 00", "offset 0: integer 2147483648 does not fit in 32 bits")]
    [InlineData("02 09 00 00 00 00 00 00 00 00 01", "offset 2: an integer of 9 octets")]
    [InlineData("02 00", "offset 2: an integer needs at least one content octet")]
    [InlineData("04 01 00", "offset 0: expected tag 0x02 but found 0x04")]
    public void Rejects_bad_int32(string hex, string expected)
    {
        var reader = new BerReader(Hex.Bytes(hex));
        Assert.False(reader.TryReadInt32(BerTag.Integer, out _));
        Assert.StartsWith(expected, reader.Error);
    }

    [Theory]
    [InlineData(0L, "02 01 00")]
    [InlineData(127L, "02 01 7F")]
    [InlineData(128L, "02 02 00 80")]
    [InlineData(-1L, "02 01 FF")]
    [InlineData(-128L, "02 01 80")]
    [InlineData(-129L, "02 02 FF 7F")]
    [InlineData(long.MinValue, "02 08 80 00 00 00 00 00 00 00")]
    public void Writes_minimal_integers(long value, string expected)
    {
        var writer = new BerWriter();
        writer.WriteInteger(BerTag.Integer, value);
        Assert.Equal(expected, Hex.Of(writer.Written));
        var reader = new BerReader(writer.Written);
        Assert.True(reader.TryReadInt64(BerTag.Integer, out var back));
        Assert.Equal(value, back);
    }

    [Theory]
    [InlineData(0UL, "46 01 00")]
    [InlineData(128UL, "46 02 00 80")]
    [InlineData(uint.MaxValue, "46 05 00 FF FF FF FF")]
    [InlineData(ulong.MaxValue, "46 09 00 FF FF FF FF FF FF FF FF")]
    public void Writes_unsigned_values_with_a_leading_zero_before_a_set_top_bit(ulong value, string expected)
    {
        var writer = new BerWriter();
        writer.WriteUnsigned(BerTag.Counter64, value);
        Assert.Equal(expected, Hex.Of(writer.Written));
        var reader = new BerReader(writer.Written);
        Assert.True(reader.TryReadUInt64(BerTag.Counter64, out var back));
        Assert.Equal(value, back);
    }

    [Theory]
    [InlineData("41 04 FF FF FF FF", uint.MaxValue)] // leading zero omitted by some agents: read as unsigned
    [InlineData("41 03 00 00 07", 7u)]
    public void Reads_unsigned32_leniently(string hex, uint expected)
    {
        var reader = new BerReader(Hex.Bytes(hex));
        Assert.True(reader.TryReadUInt32(BerTag.Counter32, out var value), reader.Error);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("41 05 01 00 00 00 00", "offset 2: value does not fit in 32 bits")]
    [InlineData("41 06 00 00 00 00 00 01", "offset 2: an unsigned value of 6 octets")]
    [InlineData("46 0A 00 00 00 00 00 00 00 00 00 01", "offset 2: an unsigned value of 10 octets")]
    public void Rejects_unsigned_values_that_do_not_fit(string hex, string expected)
    {
        var reader = new BerReader(Hex.Bytes(hex));
        var ok = hex.StartsWith("46", StringComparison.Ordinal) ? reader.TryReadUInt64(0x46, out _) : reader.TryReadUInt32(0x41, out _);
        Assert.False(ok);
        Assert.StartsWith(expected, reader.Error);
    }

    [Theory]
    [InlineData("1.3.6.1.2.1.1.5.0", "06 08 2B 06 01 02 01 01 05 00")]
    [InlineData("0.0", "06 01 00")]
    [InlineData("2.999.3", "06 03 88 37 03")]                    // X.690 §8.19.5 example
    [InlineData("1.3.6.1.4.1.8072", "06 07 2B 06 01 04 01 BF 08")]
    [InlineData("1.3.4294967295", "06 06 2B 8F FF FF FF 7F")]
    public void Encodes_and_decodes_oids(string dotted, string expected)
    {
        var writer = new BerWriter();
        writer.WriteOid(Oid.Parse(dotted));
        Assert.Equal(expected, Hex.Of(writer.Written));
        var reader = new BerReader(writer.Written);
        Assert.True(reader.TryReadOid(out var back), reader.Error);
        Assert.Equal(dotted, back.ToString());
    }

    [Theory]
    [InlineData("06 03 2B 80 01", "offset 3: subidentifier has a redundant leading 0x80")]
    [InlineData("06 06 2B 90 80 80 80 00", "offset 3: subidentifier exceeds 32 bits")]
    [InlineData("06 02 2B 86", "offset 3: the last subidentifier is unterminated")]
    [InlineData("06 00", "offset 2: an object identifier needs at least one content octet")]
    public void Rejects_bad_oids(string hex, string expected)
    {
        var reader = new BerReader(Hex.Bytes(hex));
        Assert.False(reader.TryReadOid(out _));
        Assert.StartsWith(expected, reader.Error);
    }

    [Fact]
    public void Rejects_an_oid_of_more_than_128_arcs()
    {
        var content = Enumerable.Repeat((byte)1, 128).Prepend((byte)0x2B).ToArray(); // 2 + 128 arcs
        var reader = new BerReader([0x06, 0x81, (byte)content.Length, .. content]);
        Assert.False(reader.TryReadOid(out _));
        Assert.Equal("offset 3: an object identifier has more than 128 arcs", reader.Error);

        var reader127 = new BerReader([0x06, 0x81, 127, .. content[..127]]);
        Assert.True(reader127.TryReadOid(out var ok), reader127.Error);
        Assert.Equal(128, ok.Length);
    }

    [Fact]
    public void Rejects_a_null_with_content()
    {
        var reader = new BerReader(Hex.Bytes("05 01 00"));
        Assert.False(reader.TryReadNull(BerTag.Null));
        Assert.Equal("offset 2: a null value must be empty but has 1 octets", reader.Error);
    }

    [Fact]
    public void Writes_long_form_lengths_for_large_constructed_elements()
    {
        var writer = new BerWriter();
        var mark = writer.BeginConstructed(BerTag.Sequence);
        writer.WritePrimitive(BerTag.OctetString, new byte[300]);
        writer.EndConstructed(mark);
        var bytes = writer.Written;
        Assert.Equal("30 82 01 30 04 82 01 2C", Hex.Of(bytes[..8]));
        Assert.Equal(8 + 300, bytes.Length);
    }
}
