using System.Net;
using Qdms.Server.Portal;

namespace Qdms.Server.Tests.Portal;

/// <summary>The server serves the built portal at <c>/</c> without shadowing any API or device route.</summary>
public sealed class PortalServingTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/devices")]
    [InlineData("/devices/42")]
    [InlineData("/engines")]
    public async Task Client_routes_get_index_html_revalidated_with_the_security_headers(string path)
    {
        using var response = await app.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PortalApp.IndexHtml, await response.Content.ReadAsStringAsync());
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl!.NoCache);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(PortalHeaders.ContentSecurityPolicy, csp);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Hashed_assets_are_cached_for_good_and_typed()
    {
        using var response = await app.CreateClient().GetAsync("/assets/index-AbC123.js");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PortalApp.AssetJs, await response.Content.ReadAsStringAsync());
        Assert.Equal("text/javascript", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
    }

    [Theory]
    [InlineData("/assets/missing-123.js")]
    [InlineData("/assets/../secret.txt")]
    [InlineData("/assets/..%2Fsecret.txt")]
    [InlineData("/secret.txt")] // files outside assets/ are never served
    [InlineData("/favicon.ico")] // a path with an extension is a file, not a client route
    public async Task Anything_else_is_refused_and_never_leaks_a_file(string path)
    {
        // An asset that is not there: 404. Any other path with a file extension matches no route: the pipeline's own 401.
        using var response = await app.CreateClient().GetAsync(path);
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized, $"{(int)response.StatusCode}");
        Assert.DoesNotContain("outside assets", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/devices")] // a real route: its own 401, not the page
    [InlineData("/api/v1/nothing-here")]
    [InlineData("/files/1/x")]
    [InlineData("/deviceqosevaluator/nothing")]
    [InlineData("/metrics")]
    public async Task The_api_and_device_routes_are_never_shadowed(string path)
    {
        using var response = await app.CreateClient().GetAsync(path);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<div id=\"app\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_to_a_client_route_is_not_answered_with_the_page()
    {
        using var response = await app.CreateClient().PostAsync("/devices", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("<div id=\"app\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_404_problem_not_the_page()
    {
        using var response = await app.CreateClient().GetAsync("/api/v2/devices");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_api_still_answers_beneath_the_portal()
    {
        var admin = await app.AdminAsync();
        Assert.NotNull(await admin.GetDeviceAggregatesAsync());
        using var health = await app.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
