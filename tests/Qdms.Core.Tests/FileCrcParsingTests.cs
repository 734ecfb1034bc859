using Qdms.Core.Files;

namespace Qdms.Core.Tests;

public sealed class FileCrcParsingTests
{
    [Theory]
    [InlineData("CBF43926", 0xCBF43926u)]
    [InlineData("0xcbf43926", 0xCBF43926u)]
    [InlineData("0XCBF43926", 0xCBF43926u)]
    [InlineData(" 1a ", 0x1Au)]
    [InlineData("0", 0u)]
    public void Hex_with_or_without_0x_is_accepted(string text, uint expected)
    {
        Assert.True(FileService.TryParseCrc(text, out var crc));
        Assert.Equal(expected, crc);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0x")]
    [InlineData("123456789")] // nine digits: too long for 32 bits, and not taken as decimal
    [InlineData("xyz")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData(null)]
    public void Anything_else_is_refused(string? text)
    {
        Assert.False(FileService.TryParseCrc(text, out _));
    }

    [Fact]
    public void A_crc_is_shown_as_0x_and_eight_hex_digits()
    {
        Assert.Equal("0x0000001A", FileService.FormatCrc(0x1A));
    }
}
