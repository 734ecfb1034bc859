using System.Net;
using System.Net.Http.Headers;
using Qdms.Client;
using Qdms.Server.Tests.Support;

namespace Qdms.Server.Tests;

public sealed class MetricsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Metrics_show_request_counts_and_latency_per_route_in_prometheus_text()
    {
        var admin = await app.AdminAsync();
        for (var i = 0; i < 3; i++)
        {
            await admin.ListUsersAsync();
        }

        var text = await ScrapeAsync(admin);
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text, StringComparison.Ordinal);
        var line = text.Split('\n').Single(l =>
            l.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal)
            && l.Contains("http_route=\"/api/v1/users/\"", StringComparison.Ordinal)
            && l.Contains("http_response_status_code=\"200\"", StringComparison.Ordinal));
        Assert.True(double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture) >= 3, line);
        Assert.Contains("le=\"+Inf\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_show_each_engine_with_its_state()
    {
        var admin = await app.AdminAsync();
        await admin.AddEngineAsync(new Contracts.AddEngineRequest("echo", "metrics-echo", System.Text.Json.JsonDocument.Parse("{\"port\":0}").RootElement));
        var text = await ScrapeAsync(admin);
        Assert.Contains("qdms_engine_state{alias=\"metrics-echo\",index=\"", text, StringComparison.Ordinal);
        Assert.Contains("state=\"inactive\",type=\"echo\"} 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_need_a_sysop()
    {
        var (op, _, _) = await app.TenantUserAsync("admin");
        using var response = await op.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var anonymous = await app.CreateClient().GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    internal static async Task<string> ScrapeAsync(QdmsClient client)
    {
        using var response = await client.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" }.MediaType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }
}
