using System.Text;
using Qdms.Core.Files;

namespace Qdms.Core.Tests;

public sealed class Crc32Tests
{
    [Theory]
    [InlineData("", 0x00000000u)]
    [InlineData("a", 0xE8B7BE43u)]
    [InlineData("abc", 0x352441C2u)]
    [InlineData("123456789", 0xCBF43926u)] // the check value of CRC-32/ISO-HDLC (IEEE 802.3)
    [InlineData("The quick brown fox jumps over the lazy dog", 0x414FA339u)]
    public void Known_answers_match_the_IEEE_802_3_CRC(string text, uint expected)
    {
        Assert.Equal(expected, Crc32.Compute(Encoding.ASCII.GetBytes(text)));
    }

    [Fact]
    public void Appending_in_pieces_at_every_split_gives_the_one_shot_value()
    {
        var data = RandomBytes(100, seed: 1);
        var whole = Crc32.Compute(data);
        for (var split = 0; split <= data.Length; split++)
        {
            var crc = new Crc32();
            crc.Append(data.AsSpan(0, split));
            crc.Append(data.AsSpan(split));
            Assert.Equal(whole, crc.Value);
        }
    }

    [Fact]
    public void Slice_by_8_agrees_with_the_bitwise_definition_for_every_length_up_to_64()
    {
        var data = RandomBytes(64, seed: 2);
        for (var length = 0; length <= data.Length; length++)
        {
            Assert.Equal(Bitwise(data.AsSpan(0, length)), Crc32.Compute(data.AsSpan(0, length)));
        }
    }

    [Fact]
    public void Reset_starts_over()
    {
        var crc = new Crc32();
        crc.Append("garbage"u8);
        crc.Reset();
        crc.Append("123456789"u8);
        Assert.Equal(0xCBF43926u, crc.Value);
    }

    [Fact]
    public void A_megabyte_in_odd_chunks_matches_the_bitwise_definition()
    {
        var data = RandomBytes(1 << 20, seed: 3);
        var crc = new Crc32();
        for (var offset = 0; offset < data.Length; offset += 4093)
        {
            crc.Append(data.AsSpan(offset, Math.Min(4093, data.Length - offset)));
        }

        Assert.Equal(Bitwise(data), crc.Value);
    }

    /// <summary>The CRC bit by bit, straight from the definition, as the reference.</summary>
    private static uint Bitwise(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }
}
