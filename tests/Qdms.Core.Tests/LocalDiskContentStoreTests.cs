using Microsoft.Extensions.Options;
using Qdms.Core.Files;

namespace Qdms.Core.Tests;

public sealed class LocalDiskContentStoreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"qdms-content-{Guid.NewGuid():N}");
    private readonly LocalDiskContentStore _store;

    public LocalDiskContentStoreTests()
    {
        _store = new LocalDiskContentStore(Options.Create(new Qdms.Core.Files.FileRepositoryOptions { Directory = _dir }));
    }

    [Fact]
    public async Task Committed_content_is_readable_under_its_key_and_no_temporary_file_stays()
    {
        string key;
        await using (var upload = _store.BeginUpload())
        {
            await upload.Stream.WriteAsync("hello"u8.ToArray());
            key = await upload.CommitAsync(CancellationToken.None);
        }

        await using var read = await _store.OpenReadAsync(key, CancellationToken.None);
        Assert.NotNull(read);
        using var reader = new StreamReader(read);
        Assert.Equal("hello", await reader.ReadToEndAsync());
        Assert.Equal([key], Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public async Task An_upload_disposed_without_commit_leaves_nothing()
    {
        await using (var upload = _store.BeginUpload())
        {
            await upload.Stream.WriteAsync(new byte[1000]);
            Assert.Single(Directory.GetFiles(_dir));
        }

        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public async Task The_sweep_deletes_orphans_and_abandoned_temporaries_but_not_kept_keys_or_uploads_in_progress()
    {
        string kept;
        await using (var upload = _store.BeginUpload())
        {
            kept = await upload.CommitAsync(CancellationToken.None);
        }

        var orphan = Path.Combine(_dir, Guid.NewGuid().ToString("N"));
        var abandoned = Path.Combine(_dir, $".upload-{Guid.NewGuid():N}.tmp");
        var unrelated = Path.Combine(_dir, "README");
        await File.WriteAllTextAsync(orphan, "x");
        await File.WriteAllTextAsync(abandoned, "x");
        await File.WriteAllTextAsync(unrelated, "x");
        await using var inProgress = _store.BeginUpload();

        var deleted = await _store.SweepAsync(new HashSet<string> { kept }, CancellationToken.None);

        Assert.Equal(2, deleted);
        Assert.False(File.Exists(orphan));
        Assert.False(File.Exists(abandoned));
        Assert.True(File.Exists(Path.Combine(_dir, kept)));
        Assert.True(File.Exists(unrelated));
        Assert.Equal(3, Directory.GetFiles(_dir).Length); // kept, README, the upload in progress
    }

    [Fact]
    public async Task A_key_that_is_a_path_opens_nothing()
    {
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "qdms-outside.txt"), "secret");
        Assert.Null(await _store.OpenReadAsync("../qdms-outside.txt", CancellationToken.None));
    }

    [Fact]
    public async Task Status_reports_space_and_a_missing_directory_as_an_error()
    {
        Directory.CreateDirectory(_dir);
        var ok = await _store.GetStatusAsync(CancellationToken.None);
        Assert.True(ok.Ok, ok.Error);
        Assert.True(ok.FreeBytes > 0);
        Assert.True(ok.TotalBytes >= ok.FreeBytes);

        Directory.Delete(_dir, recursive: true);
        var missing = await _store.GetStatusAsync(CancellationToken.None);
        Assert.False(missing.Ok);
        Assert.Contains("does not exist", missing.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
