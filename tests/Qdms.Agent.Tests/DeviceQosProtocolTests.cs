using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Qdms.Agent.Tests;

/// <summary>GET /device-qos end to end against the real agent host.</summary>
public sealed class DeviceQosProtocolTests
{
    private const string Token = "test-token-0123456789abcdef";

    [Fact]
    public async Task Batch_returns_the_newest_n_samples_of_each_requested_oid()
    {
        using var proc = new ProcFixture();
        await using var host = await AgentTestHost.StartAsync(proc, "--groups", "1.4,2.1,4.1");
        using var client = host.Client();
        await WaitForFullRingAsync(client, "2.1");

        var body = await client.GetFromJsonAsync<Dictionary<string, double[]>>("/device-qos?batch=5&oids=1.4&oids=2.1&oids=4.1");

        Assert.NotNull(body);
        Assert.Equal(["1.4", "2.1", "4.1"], body.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Repeat(75.0, 5), body["2.1"]);
        // /proc/stat does not change between samples: no CPU time passed, no load
        Assert.Equal(Enumerable.Repeat(0.0, 5), body["1.4"]);
        Assert.Equal(5, body["4.1"].Length);
    }

    [Fact]
    public async Task Oids_may_also_come_comma_separated_and_include_per_core_series()
    {
        using var proc = new ProcFixture();
        await using var host = await AgentTestHost.StartAsync(proc);
        using var client = host.Client();
        await WaitForFullRingAsync(client, "1.5.1"); // a rate: one sample behind the levels

        var body = await client.GetFromJsonAsync<Dictionary<string, double[]>>("/device-qos?batch=30&oids=1.5.0,1.5.1,2.1");

        Assert.NotNull(body);
        Assert.Equal(["1.5.0", "1.5.1", "2.1"], body.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(30, body["2.1"].Length);
        Assert.Equal(30, body["1.5.1"].Length);
    }

    [Fact]
    public async Task A_disabled_group_answers_an_empty_list()
    {
        using var proc = new ProcFixture();
        await using var host = await AgentTestHost.StartAsync(proc, "--groups", "2.1");
        using var client = host.Client();
        await WaitForFullRingAsync(client, "2.1");

        var body = await client.GetFromJsonAsync<Dictionary<string, double[]>>("/device-qos?batch=3&oids=2.1&oids=3.2");

        Assert.NotNull(body);
        Assert.Equal([75.0, 75.0, 75.0], body["2.1"]);
        Assert.Empty(body["3.2"]);
    }

    [Theory]
    [InlineData("/device-qos?batch=0&oids=2.1", "batch")]
    [InlineData("/device-qos?batch=31&oids=2.1", "batch")]
    [InlineData("/device-qos?batch=abc&oids=2.1", "batch")]
    [InlineData("/device-qos?oids=2.1", "batch")]
    [InlineData("/device-qos?batch=5&batch=6&oids=2.1", "batch")]
    [InlineData("/device-qos?batch=5", "oids is required")]
    [InlineData("/device-qos?batch=5&oids=2.1&oids=7.7", "unknown oids: 7.7")]
    [InlineData("/device-qos?batch=5&oids=1.5", "unknown oids: 1.5;")]
    public async Task Bad_requests_get_400_with_a_json_error_naming_the_parameter(string url, string expected)
    {
        using var proc = new ProcFixture();
        await using var host = await AgentTestHost.StartAsync(proc);
        using var client = host.Client();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(expected, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_token_requests_need_the_bearer_header()
    {
        using var proc = new ProcFixture();
        await using var host = await AgentTestHost.StartAsync(proc, "--token", Token);
        using var client = host.Client();
        const string Url = "/device-qos?batch=1&oids=2.1";

        using var missing = await client.GetAsync(Url);
        using var wrong = await SendAsync(client, Url, Token + "x");
        using var right = await SendAsync(client, Url, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("Bearer", missing.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task Without_a_token_requests_need_no_header()
    {
        using var proc = new ProcFixture();
        await using var host = await AgentTestHost.StartAsync(proc);
        using var client = host.Client();

        using var response = await client.GetAsync("/device-qos?batch=1&oids=2.1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string url, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }

    /// <summary>Polls until the ring of <paramref name="oid"/> is full (30 samples), within 20 s.</summary>
    internal static async Task WaitForFullRingAsync(HttpClient client, string oid)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var body = await client.GetFromJsonAsync<Dictionary<string, double[]>>($"/device-qos?batch=30&oids={oid}");
            if (body![oid].Length == 30)
            {
                return;
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(20), $"{oid} did not fill its ring within 20 s");
            await Task.Delay(TimeSpan.FromMilliseconds(20)); // poll interval, not a synchronisation
        }
    }
}
