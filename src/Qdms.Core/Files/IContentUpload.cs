namespace Qdms.Core.Files;

/// <summary>
/// Content being written. Disposing it without <see cref="CommitAsync"/> deletes what was written, so an upload that
/// fails or is cancelled leaves nothing behind.
/// </summary>
public interface IContentUpload : IAsyncDisposable
{
    /// <summary>Where the bytes go.</summary>
    Stream Stream { get; }

    /// <summary>Makes the content durable and moves it into place atomically; returns its key.</summary>
    Task<string> CommitAsync(CancellationToken ct);
}
