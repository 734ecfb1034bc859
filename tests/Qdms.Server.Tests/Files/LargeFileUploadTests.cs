using System.Security.Cryptography;
using Qdms.Core.Files;
using Qdms.Server.Tests.Support;
using static Qdms.Server.Tests.Files.FileUploads;

namespace Qdms.Server.Tests.Files;

[CollectionDefinition(nameof(LargeFileUploadTests), DisableParallelization = true)]
public sealed class LargeFileUploadCollection;

/// <summary>
/// A 256 MiB upload made on the fly streams through the server in bounded memory. The test host runs in this process,
/// so the managed heap measured here includes the server's: had it buffered the body, the live heap would hold it.
/// Run alone (no parallel tests) so other tests' allocations do not blur the figure. SQLite only: the database does
/// not take part in streaming.
/// </summary>
[Collection(nameof(LargeFileUploadTests))]
public sealed class LargeFileUploadTests(SqliteFilesApp app) : IClassFixture<SqliteFilesApp>
{
    private const long Size = 256L * 1024 * 1024;
    private const long AllowedGrowth = 64L * 1024 * 1024;

    [Fact]
    public async Task A_256_MiB_upload_succeeds_and_the_live_heap_grows_by_far_less_than_the_file()
    {
        var (op, _, _) = await app.TenantUserAsync("operator");
        var (crc, sha) = Expected();

        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        var nextSample = Size / 4;
        var content = new GeneratedStream(Size, seed: 42, onProgress: position =>
        {
            if (position >= nextSample)
            {
                nextSample += Size / 4;
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
            }
        });

        var file = await app.Streaming(op).RegisterFileAsync(content, Request(crc: $"{crc:X8}"));

        Assert.Equal(Size, file.Size);
        Assert.Equal(sha, file.Sha256);
        Assert.True(peak > 0, "the heap was never sampled during the upload");
        var growth = peak - baseline;
        Assert.True(growth < AllowedGrowth, $"the live heap grew by {growth / (1024 * 1024)} MiB during a {Size / (1024 * 1024)} MiB upload");
    }

    private static (uint Crc, string Sha256) Expected()
    {
        var crc = new Crc32();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var source = new GeneratedStream(Size, seed: 42);
        var buffer = new byte[1024 * 1024];
        int read;
        while ((read = source.Read(buffer)) > 0)
        {
            crc.Append(buffer.AsSpan(0, read));
            sha.AppendData(buffer.AsSpan(0, read));
        }

        return (crc.Value, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }
}
