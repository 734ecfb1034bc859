namespace Qdms.Protocols.Cwmp.Tests;

public sealed class StreamReadingTests
{
    private static readonly CwmpEnvelope Large = new(CwmpVersion.Cwmp12, new CwmpHeader("s"), SampleMessages.Inform(600));

    [Fact]
    public void A_stream_delivered_in_small_pieces_past_the_first_buffer_is_read_whole()
    {
        var bytes = CwmpWriter.ToArray(Large);
        Assert.True(bytes.Length > 64 * 1024);

        Assert.True(CwmpReader.TryRead(new TricklingStream(bytes, 997), null, out var envelope, out var error), error.ToString());

        Assert.Equal(Large, envelope);
    }

    [Fact]
    public async Task ReadAsync_reads_a_stream_delivered_in_small_pieces()
    {
        var bytes = CwmpWriter.ToArray(Large);

        Assert.Equal(Large, await CwmpReader.ReadAsync(new TricklingStream(bytes, 1531)));
    }

    [Fact]
    public void A_stream_of_exactly_the_limit_is_read_and_one_byte_more_is_refused()
    {
        var bytes = CwmpWriter.ToArray(Large);

        Assert.True(CwmpReader.TryRead(new TricklingStream(bytes, 4096), new CwmpReaderLimits { MaxBytes = bytes.Length }, out _, out _));
        Assert.False(CwmpReader.TryRead(new TricklingStream(bytes, 4096), new CwmpReaderLimits { MaxBytes = bytes.Length - 1 }, out _, out var error));
        Assert.Equal(CwmpReadErrorKind.TooLarge, error.Kind);
    }

    [Fact]
    public void An_empty_stream_is_an_empty_post()
    {
        Assert.False(CwmpReader.TryRead(new MemoryStream(), null, out _, out var error));

        Assert.Equal(CwmpReadErrorKind.Empty, error.Kind);
    }

    /// <summary>Hands out at most <c>piece</c> bytes per read, as a socket does.</summary>
    private sealed class TricklingStream(byte[] data, int piece) : MemoryStream(data, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, piece));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, piece)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, piece)], cancellationToken);
    }
}
