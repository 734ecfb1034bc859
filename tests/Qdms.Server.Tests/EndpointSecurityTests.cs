using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qdms.Server.Tests.Support;

namespace Qdms.Server.Tests;

/// <summary>Every route the server registers refuses a request without credentials, except the few listed here on purpose.</summary>
public sealed partial class EndpointSecurityTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>The only anonymous routes: probes, the API description, and sign-in itself.</summary>
    private static readonly HashSet<string> Anonymous =
    [
        "GET /healthz",
        "GET /readyz",
        "GET /openapi/{documentName}.json",
        "POST /api/v1/auth/login",

        // The web portal's files (portal/dist): the app's code and its index.html for client routes. They hold no data;
        // every call the portal makes goes to the authenticated API (PortalServingTests: never under /api, /files …).
        "GET /assets/{**file}",
        "GET /{*path:nonfile}",
        "HEAD /{*path:nonfile}",
    ];

    [Fact]
    public async Task No_registered_endpoint_answers_without_a_token()
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct()
            .ToList();
        Assert.True(routes.Count >= 15, $"expected the API's routes, found {routes.Count}");

        var client = app.CreateClient();
        var open = new List<string>();
        foreach (var (method, pattern) in routes)
        {
            var key = $"{method} {pattern}";
            if (Anonymous.Contains(key))
            {
                continue;
            }

            using var request = new HttpRequestMessage(new HttpMethod(method), Fill(pattern));
            if (method is "POST" or "PUT" or "PATCH")
            {
                request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                open.Add($"{key} -> {(int)response.StatusCode}");
            }
        }

        Assert.True(open.Count == 0, "Routes that answered without a token:\n" + string.Join("\n", open));
    }

    [Fact]
    public async Task The_anonymous_list_only_names_routes_that_exist()
    {
        var patterns = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .ToHashSet();
        Assert.DoesNotContain(Anonymous, a => !patterns.Contains(a));
        using var response = await app.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Replaces each route parameter with a plausible value: 1 for ids and indexes, "x" otherwise.</summary>
    private static string Fill(string pattern) =>
        Parameter().Replace(pattern, m => m.Groups["c"].Value is "long" or "int" || m.Groups["n"].Value.EndsWith("id", StringComparison.OrdinalIgnoreCase) || m.Groups["n"].Value == "index" ? "1" : "x");

    [GeneratedRegex(@"\{\*{0,2}(?<n>[A-Za-z]+)(:(?<c>[a-z]+))?[^}]*\}")]
    private static partial Regex Parameter();
}
