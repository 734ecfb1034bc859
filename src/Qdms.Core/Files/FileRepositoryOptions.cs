namespace Qdms.Core.Files;

/// <summary><c>Qdms:Files</c>: the file repository's settings.</summary>
public sealed class FileRepositoryOptions
{
    public const string Section = "Qdms:Files";

    /// <summary>The largest file accepted, in bytes (default 4 GiB).</summary>
    public long MaxFileSize { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>Where the local-disk store keeps content; default <c>&lt;DataDirectory&gt;/files</c>.</summary>
    public string? Directory { get; set; }

    /// <summary>How long a download token lives when the request names no lifetime (default 24 hours).</summary>
    public TimeSpan DownloadTokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The base URL devices reach the server under (<c>https://acs.example.net</c>), for the download URLs handed out;
    /// when empty, the URL of the request that asks for a token is used.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The longest lifetime a download token may be given.</summary>
    public static TimeSpan MaxDownloadTokenLifetime { get; } = TimeSpan.FromDays(30);

    /// <summary>The shortest lifetime a download token may be given.</summary>
    public static TimeSpan MinDownloadTokenLifetime { get; } = TimeSpan.FromMinutes(1);
}
