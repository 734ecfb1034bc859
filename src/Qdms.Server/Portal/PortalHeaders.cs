namespace Qdms.Server.Portal;

/// <summary>The headers every portal file is sent with: caching by kind of file, and the browser security set.</summary>
internal static class PortalHeaders
{
    /// <summary>
    /// Scripts only from our origin (no inline script, no eval); styles may be inline (Vue style bindings and the chart
    /// library's tooltips set them); the API is same-origin; nobody may frame the portal.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Vite names every asset by its content hash, so a cached copy never goes stale.</summary>
    public const string ImmutableAsset = "public, max-age=31536000, immutable";

    /// <summary>index.html names the current assets: revalidate it every time.</summary>
    public const string Revalidate = "no-cache";

    public static void Apply(HttpResponse response, string cacheControl)
    {
        var headers = response.Headers;
        headers.CacheControl = cacheControl;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
    }
}
