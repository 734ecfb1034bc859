using System.Buffers;
using System.Security.Cryptography;
using Qdms.Core.Errors;

namespace Qdms.Core.Files;

/// <summary>
/// Content on its way into the store: counts the bytes against the size limit and computes CRC-32 and SHA-256 as they
/// pass, so a file of any size goes through in bounded memory. Disposing it uncommitted deletes what was written.
/// </summary>
public sealed class FileUpload : IAsyncDisposable
{
    private const int BufferSize = 128 * 1024;
    private readonly IContentUpload _content;
    private readonly long _limit;
    private readonly Crc32 _crc = new();
    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private string? _sha256;

    internal FileUpload(IContentUpload content, long limit)
    {
        _content = content;
        _limit = limit;
    }

    /// <summary>Bytes written so far.</summary>
    public long Size { get; private set; }

    /// <summary>The CRC-32 of the bytes written so far.</summary>
    public uint Crc32 => _crc.Value;

    /// <summary>The SHA-256 (lower-case hex) of the content; call only when all of it is written.</summary>
    public string Sha256 => _sha256 ??= Convert.ToHexStringLower(_sha.GetHashAndReset());

    /// <summary>Appends <paramref name="chunk"/>; throws <see cref="PayloadTooLargeException"/> when the limit would be passed.</summary>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> chunk, CancellationToken ct)
    {
        if (_sha256 is not null)
        {
            throw new InvalidOperationException("The upload is complete.");
        }

        if (Size + chunk.Length > _limit)
        {
            throw new PayloadTooLargeException($"The file is larger than the limit of {_limit} bytes (Qdms:Files:MaxFileSize).");
        }

        _crc.Append(chunk.Span);
        _sha.AppendData(chunk.Span);
        await _content.Stream.WriteAsync(chunk, ct);
        Size += chunk.Length;
    }

    /// <summary>Copies <paramref name="source"/> to its end through a pooled buffer.</summary>
    public async Task CopyFromAsync(Stream source, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), ct)) > 0)
            {
                await WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    internal Task<string> CommitAsync(CancellationToken ct) => _content.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        _sha.Dispose();
        await _content.DisposeAsync();
    }
}
