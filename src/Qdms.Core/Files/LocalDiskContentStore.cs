using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Qdms.Core.Files;

/// <summary>
/// Content as plain files in one directory (<c>Qdms:Files:Directory</c>). A new upload is written to
/// <c>.upload-&lt;guid&gt;.tmp</c> and renamed to its key (32 hex digits) when committed, so a reader never sees a
/// half-written file and a crash leaves only temporary files, which the sweep removes.
/// </summary>
public sealed class LocalDiskContentStore(IOptions<FileRepositoryOptions> options) : IFileContentStore
{
    private const string TempPrefix = ".upload-";
    private const string TempSuffix = ".tmp";

    /// <summary>File names of this process's uploads between their start and their disposal; the sweep leaves them alone.</summary>
    private readonly ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);

    public string Name => "local";

    public string Kind => "local-disk";

    /// <summary>The directory content lives in.</summary>
    public string Directory { get; } = Path.GetFullPath(options.Value.Directory ?? throw new InvalidOperationException($"{FileRepositoryOptions.Section}:Directory is not set."));

    public IContentUpload BeginUpload()
    {
        System.IO.Directory.CreateDirectory(Directory);
        var tempName = TempPrefix + Guid.NewGuid().ToString("N") + TempSuffix;
        _inFlight[tempName] = 0;
        try
        {
            var stream = new FileStream(Path.Combine(Directory, tempName), new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                BufferSize = 0, // callers write large chunks; a second buffer would only copy
                Options = System.IO.FileOptions.Asynchronous,
            });
            return new Upload(this, tempName, stream);
        }
        catch
        {
            _inFlight.TryRemove(tempName, out _);
            throw;
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct)
    {
        if (!IsKey(key))
        {
            return Task.FromResult<Stream?>(null);
        }

        try
        {
            // FileShare.Delete: an unregister during a download does not fail the download in progress.
            Stream stream = new FileStream(Path.Combine(Directory, key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, System.IO.FileOptions.Asynchronous);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        if (IsKey(key))
        {
            File.Delete(Path.Combine(Directory, key));
        }

        return Task.CompletedTask;
    }

    public Task<ContentStoreStatus> GetStatusAsync(CancellationToken ct)
    {
        long? free = null, total = null;
        string? error = null;
        try
        {
            var drive = new DriveInfo(Directory);
            free = drive.AvailableFreeSpace;
            total = drive.TotalSize;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            error = $"Cannot read the free space of {Directory}: {e.Message}";
        }

        if (!System.IO.Directory.Exists(Directory))
        {
            error = $"The directory {Directory} does not exist.";
        }
        else
        {
            var probe = Path.Combine(Directory, $".probe-{Guid.NewGuid():N}");
            try
            {
                File.WriteAllBytes(probe, []);
                File.Delete(probe);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error = $"The directory {Directory} is not writable: {e.Message}";
            }
        }

        return Task.FromResult(new ContentStoreStatus(Name, Kind, error is null, error, free, total));
    }

    public Task<int> SweepAsync(IReadOnlySet<string> keep, CancellationToken ct)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return Task.FromResult(0);
        }

        var deleted = 0;
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory))
        {
            ct.ThrowIfCancellationRequested();
            var name = Path.GetFileName(path);
            if (_inFlight.ContainsKey(name))
            {
                continue;
            }

            var orphan = (name.StartsWith(TempPrefix, StringComparison.Ordinal) && name.EndsWith(TempSuffix, StringComparison.Ordinal))
                || (IsKey(name) && !keep.Contains(name));
            if (orphan && TryDelete(path))
            {
                deleted++;
            }
        }

        return Task.FromResult(deleted);
    }

    /// <summary>Keys are 32 lower-case hex digits: never a path, so no key can reach outside the directory.</summary>
    private static bool IsKey(string key) => key.Length == 32 && key.All(char.IsAsciiHexDigitLower);

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private sealed class Upload(LocalDiskContentStore store, string tempName, FileStream stream) : IContentUpload
    {
        private string? _key;
        private bool _closed;

        public Stream Stream => stream;

        public async Task<string> CommitAsync(CancellationToken ct)
        {
            if (_key is not null)
            {
                return _key;
            }

            await stream.FlushAsync(ct);
            stream.Flush(flushToDisk: true);
            await stream.DisposeAsync();
            _closed = true;
            var key = Guid.NewGuid().ToString("N");
            store._inFlight[key] = 0;
            File.Move(Path.Combine(store.Directory, tempName), Path.Combine(store.Directory, key), overwrite: false);
            _key = key;
            return key;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_closed)
            {
                await stream.DisposeAsync();
                _closed = true;
            }

            if (_key is null)
            {
                TryDelete(Path.Combine(store.Directory, tempName));
            }
            else
            {
                store._inFlight.TryRemove(_key, out _);
            }

            store._inFlight.TryRemove(tempName, out _);
        }
    }
}
