namespace Qdms.Server.Tests.Files;

/// <summary>
/// A stream that yields <c>bytesBeforeStall</c> bytes and then blocks until the read is cancelled, like a client
/// whose network went quiet mid-upload. <see cref="Stalled"/> completes when it starts blocking.
/// </summary>
internal sealed class StallingStream(long bytesBeforeStall) : Stream
{
    private readonly TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _position;

    public Task Stalled => _stalled.Task;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        if (_position >= bytesBeforeStall)
        {
            _stalled.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        }

        var n = (int)Math.Min(buffer.Length, bytesBeforeStall - _position);
        buffer.Span[..n].Fill(0x5A);
        _position += n;
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
