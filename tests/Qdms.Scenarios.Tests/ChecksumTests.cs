using System.Text;
using Qdms.Scenarios.Checksums;
using Qdms.Scenarios.Format;

namespace Qdms.Scenarios.Tests;

public sealed class ChecksumTests
{
    [Theory]
    [InlineData(ChecksumKind.Xor8, 0x31u)]
    [InlineData(ChecksumKind.Sum8, 0xDDu)]
    [InlineData(ChecksumKind.Crc16Ccitt, 0x29B1u)]
    [InlineData(ChecksumKind.Crc32, 0xCBF43926u)]
    public void Check_values_over_123456789(ChecksumKind kind, uint expected) =>
        Assert.Equal(expected, Checksum.Compute(kind, "123456789"u8));

    [Fact]
    public void Binary_checksums_are_big_endian_and_hex_ones_upper_case()
    {
        Assert.Equal(new byte[] { 0x29, 0xB1 }, Checksum.Encode(ChecksumKind.Crc16Ccitt, ChecksumFormat.Binary, "123456789"u8));
        Assert.Equal("CBF43926", Encoding.ASCII.GetString(Checksum.Encode(ChecksumKind.Crc32, ChecksumFormat.Hex, "123456789"u8)));
    }

    [Fact]
    public void Verify_accepts_the_right_checksum_and_returns_the_body()
    {
        var spec = new VerifySpec(ChecksumKind.Xor8, ChecksumFormat.Hex, "*"u8.ToArray());
        Assert.True(Checksum.Verify(spec, "OK*04"u8, out var body));
        Assert.Equal("OK"u8.ToArray(), body.ToArray());
        Assert.False(Checksum.Verify(spec, "OK*05"u8, out _));
        Assert.False(Checksum.Verify(spec, "OK"u8, out _));
        Assert.False(Checksum.Verify(spec, "OK#04"u8, out _));
    }
}
