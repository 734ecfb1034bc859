using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Qdms.Server.Problems;

namespace Qdms.Server.Portal;

/// <summary>
/// The web portal at <c>/</c>: <c>/assets/…</c> (Vite's content-hashed files, cached for good) and index.html for every other
/// GET of a path without a file extension (the SPA's client routes, revalidated each time). Both are anonymous: they hold no
/// data; every call the portal makes goes to the authenticated API. The fallback has the lowest route priority and never
/// answers under the API's or the devices' prefixes, so an unknown API path stays a 404 problem, never a page.
/// </summary>
internal static partial class PortalEndpoints
{
    /// <summary>First path segments that belong to the API, the device-facing routes and operability, never to the SPA.</summary>
    private static readonly HashSet<string> ReservedSegments = new(StringComparer.OrdinalIgnoreCase)
    {
        "api", "files", "deviceqosevaluator", "metrics", "openapi", "healthz", "readyz",
    };

    /// <summary>
    /// Reserved segments whose bare path is still a client route: the portal's Files page is <c>/files</c>, while devices
    /// fetch <c>/files/{id}/{name}</c> — so only a path with a second segment stays reserved.
    /// </summary>
    private static readonly HashSet<string> PageAtBarePath = new(StringComparer.OrdinalIgnoreCase) { "files" };

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>Maps the portal's routes; call last, after every other route.</summary>
    public static WebApplication MapPortal(this WebApplication app)
    {
        var root = PortalLocation.Find(app.Configuration);
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PortalEndpoints).FullName!);
        if (root is null)
        {
            NotBuilt(log, PortalLocation.ConfigKey);
        }
        else
        {
            Serving(log, root);
        }

        var files = root is null ? null : new PhysicalFileProvider(root);
        app.MapGet("/assets/{**file}", (string file, HttpContext http) => AssetAsync(files, file, http))
            .AllowAnonymous().ExcludeFromDescription();
        // A fallback (lowest priority, as MapFallback) for GET and HEAD only: any other method on an unknown path keeps the
        // pipeline's own answer (401 without a token, 405/415 for a known path).
        app.MapMethods("{*path:nonfile}", [HttpMethods.Get, HttpMethods.Head], (HttpContext http) => PageAsync(files, http))
            .AllowAnonymous().ExcludeFromDescription()
            .Add(endpoint => ((RouteEndpointBuilder)endpoint).Order = int.MaxValue);
        return app;
    }

    private static async Task AssetAsync(PhysicalFileProvider? files, string file, HttpContext http)
    {
        var info = files?.GetFileInfo("assets/" + file);
        if (info is not { Exists: true, IsDirectory: false, PhysicalPath: not null })
        {
            await ProblemWriter.WriteAsync(http, StatusCodes.Status404NotFound, "Not Found", $"No portal asset '{file}'.");
            return;
        }

        await SendAsync(http, info, PortalHeaders.ImmutableAsset);
    }

    private static async Task PageAsync(PhysicalFileProvider? files, HttpContext http)
    {
        var path = http.Request.Path.Value ?? "/";
        var segments = path.TrimStart('/').Split('/', 2);
        var bare = segments.Length == 1 || segments[1].Length == 0;
        if (ReservedSegments.Contains(segments[0]) && !(bare && PageAtBarePath.Contains(segments[0])))
        {
            await ProblemWriter.WriteAsync(http, StatusCodes.Status404NotFound, "Not Found", $"No route {http.Request.Method} {path}.");
            return;
        }

        var index = files?.GetFileInfo("index.html");
        if (index is not { Exists: true, PhysicalPath: not null })
        {
            await ProblemWriter.WriteAsync(http, StatusCodes.Status404NotFound, "Portal not built",
                "The web portal is not built: run 'npm ci && npm run build' in portal/ (./qdms serve does it) or set " + PortalLocation.ConfigKey + ".");
            return;
        }

        await SendAsync(http, index, PortalHeaders.Revalidate);
    }

    private static async Task SendAsync(HttpContext http, IFileInfo info, string cacheControl)
    {
        PortalHeaders.Apply(http.Response, cacheControl);
        http.Response.ContentType = ContentTypes.TryGetContentType(info.Name, out var type) ? type : "application/octet-stream";
        if (type is not null && (type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("javascript", StringComparison.Ordinal)))
        {
            http.Response.ContentType = type + "; charset=utf-8";
        }

        http.Response.ContentLength = info.Length;
        http.Response.Headers.LastModified = info.LastModified.ToString("R");
        if (HttpMethods.IsHead(http.Request.Method))
        {
            return;
        }

        await http.Response.SendFileAsync(info, http.RequestAborted);
    }

    [LoggerMessage(EventId = 600, Level = LogLevel.Information, Message = "Serving the web portal from {Root}")]
    private static partial void Serving(ILogger logger, string root);

    [LoggerMessage(EventId = 601, Level = LogLevel.Information, Message = "No built web portal found (set {Key} or build portal/): / answers 404")]
    private static partial void NotBuilt(ILogger logger, string key);
}
