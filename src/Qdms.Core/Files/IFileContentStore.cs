namespace Qdms.Core.Files;

/// <summary>
/// Where the bytes of stored files live. The local disk is the first kind; another (an object store, a remote file
/// server) implements the same contract. Keys are opaque names chosen by the store.
/// </summary>
public interface IFileContentStore
{
    /// <summary>A short name for this store in status reports ("local").</summary>
    string Name { get; }

    /// <summary>What kind of store it is ("local-disk").</summary>
    string Kind { get; }

    /// <summary>Starts writing new content to a temporary place; nothing is visible until <see cref="IContentUpload.CommitAsync"/>.</summary>
    IContentUpload BeginUpload();

    /// <summary>A seekable read stream over the content, or null when the key has no content.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken ct);

    /// <summary>Deletes the content of <paramref name="key"/>; a missing key is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken ct);

    /// <summary>Whether the store works, and its free and total space where it knows them.</summary>
    Task<ContentStoreStatus> GetStatusAsync(CancellationToken ct);

    /// <summary>
    /// Deletes abandoned temporary uploads and content whose key is not in <paramref name="keep"/>, leaving uploads in
    /// progress in this process alone; returns how many items it deleted.
    /// </summary>
    Task<int> SweepAsync(IReadOnlySet<string> keep, CancellationToken ct);
}
