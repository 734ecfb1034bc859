namespace Qdms.Server.Portal;

/// <summary>
/// Where the built portal (Vite's output: index.html and assets/) is: <c>Qdms:Portal:Root</c> when set, else the first
/// <c>portal/dist</c> found walking up from the server's own directory (a repository checkout: ./qdms, the tests).
/// </summary>
internal static class PortalLocation
{
    public const string ConfigKey = "Qdms:Portal:Root";

    /// <summary>The directory holding index.html, or null when there is no built portal.</summary>
    public static string? Find(IConfiguration configuration)
    {
        if (configuration[ConfigKey] is { Length: > 0 } configured)
        {
            var full = Path.GetFullPath(configured);
            return File.Exists(Path.Combine(full, "index.html")) ? full : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "portal", "dist");
            if (File.Exists(Path.Combine(candidate, "index.html")))
            {
                return candidate;
            }
        }

        return null;
    }
}
