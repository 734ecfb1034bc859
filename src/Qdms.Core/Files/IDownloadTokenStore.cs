namespace Qdms.Core.Files;

/// <summary>Download tokens. They are looked up by hash alone: the token itself is the credential.</summary>
public interface IDownloadTokenStore
{
    /// <summary>Inserts the token (its <see cref="DownloadToken.Id"/> is ignored).</summary>
    Task<DownloadToken> CreateAsync(DownloadToken token, CancellationToken ct);

    Task<DownloadToken?> FindByHashAsync(string tokenHash, CancellationToken ct);

    /// <summary>Deletes tokens whose expiry has passed; returns how many.</summary>
    Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken ct);
}
