using Microsoft.Extensions.Options;

namespace Qdms.Core.Files;

/// <summary>Checks <c>Qdms:Files</c> at start; each failure names the key, the value and the rule.</summary>
public sealed class FileRepositoryOptionsValidator : IValidateOptions<FileRepositoryOptions>
{
    public ValidateOptionsResult Validate(string? name, FileRepositoryOptions options)
    {
        var failures = new List<string>();
        if (options.MaxFileSize < 1)
        {
            failures.Add($"{FileRepositoryOptions.Section}:MaxFileSize is {options.MaxFileSize}: it must be 1 byte or more.");
        }

        var lifetime = options.DownloadTokenLifetime;
        if (lifetime < FileRepositoryOptions.MinDownloadTokenLifetime || lifetime > FileRepositoryOptions.MaxDownloadTokenLifetime)
        {
            failures.Add($"{FileRepositoryOptions.Section}:DownloadTokenLifetime is {lifetime}: it must be between 00:01:00 and 30.00:00:00.");
        }

        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            && (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"{FileRepositoryOptions.Section}:PublicBaseUrl '{options.PublicBaseUrl}' must be an absolute http or https URL.");
        }

        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            failures.Add($"{FileRepositoryOptions.Section}:Directory is empty: it must name a directory QDMS can write to.");
        }
        else
        {
            try
            {
                System.IO.Directory.CreateDirectory(options.Directory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                failures.Add($"{FileRepositoryOptions.Section}:Directory '{options.Directory}' cannot be created: {e.Message}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
