using Qdms.Scenarios.Format;
using Qdms.Scenarios.Framing;

namespace Qdms.Scenarios.Tests;

public sealed class FramingTests
{
    [Fact]
    public void Delimiter_framing_joins_split_chunks_and_drops_the_delimiter()
    {
        var a = FrameAssembler.For(FramingSpec.Raw with { Kind = FramingKind.Delimiter, Delimiter = "\r\n"u8.ToArray() });
        Assert.Empty(a.Push("O"u8));
        Assert.Empty(a.Push("K\r"u8));
        var frames = a.Push("\n+X: 1\r\n\r\nrest"u8);
        Assert.Equal(["OK"u8.ToArray(), "+X: 1"u8.ToArray()], frames);
        Assert.True(a.HasPending);
    }

    [Fact]
    public void Length_prefix_framing_waits_for_the_whole_body()
    {
        var a = FrameAssembler.For(FramingSpec.Raw with { Kind = FramingKind.Length, LengthBytes = 2, LengthBigEndian = true });
        Assert.Empty(a.Push([0x00]));
        Assert.Empty(a.Push([0x03, 0xAA]));
        Assert.Equal([new byte[] { 0xAA, 0xBB, 0xCC }, new byte[] { 0x01 }], a.Push([0xBB, 0xCC, 0x00, 0x01, 0x01]));
    }

    [Fact]
    public void Length_prefix_beyond_the_limit_is_cut_not_buffered()
    {
        var a = FrameAssembler.For(FramingSpec.Raw with { Kind = FramingKind.Length, LengthBytes = 4, MaxFrame = 16 });
        var frames = a.Push([0x7F, 0xFF, 0xFF, 0xFF, 0x01]);
        Assert.Single(frames);
        Assert.False(a.HasPending);
    }

    [Fact]
    public void Fixed_size_framing_cuts_every_n_bytes()
    {
        var a = FrameAssembler.For(FramingSpec.Raw with { Kind = FramingKind.Fixed, Size = 2 });
        Assert.Equal([new byte[] { 1, 2 }, new byte[] { 3, 4 }], a.Push([1, 2, 3, 4, 5]));
    }

    [Fact]
    public void Idle_framing_holds_bytes_until_flushed()
    {
        var a = FrameAssembler.For(FramingSpec.Raw with { Kind = FramingKind.Idle, Gap = TimeSpan.FromMilliseconds(5) });
        Assert.Empty(a.Push([1, 2]));
        Assert.Empty(a.Push([3]));
        Assert.Equal(new byte[] { 1, 2, 3 }, a.Flush());
        Assert.Null(a.Flush());
    }
}
