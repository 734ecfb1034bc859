using Qdms.Qos.Augmented;

namespace Qdms.Qos.Tests;

/// <summary>The augmented collector against a fake agent in Arrowhead's exact format and against the real qdms-agent.</summary>
public sealed class AugmentedCollectorTests
{
    private static readonly string[] Groups = ["1.4", "2.1", "3.1", "3.2"];
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    private static AgentClient Client(int port, string? token = null) => new(new HttpClient(), "http", port, token);

    [Fact]
    public async Task An_arrowhead_agent_answer_becomes_one_measurement_per_group_with_data()
    {
        await using var agent = new FakeAgent("""{"1.4": [12.5, 13.0, 11.25], "2.1": [41.0, 41.5, 42.0], "3.1": [0.0, 0.1, 0.2], "3.2": []}""");

        var samples = await Client(agent.Port).FetchAsync("127.0.0.1", 3, Groups, Timeout, CancellationToken.None);
        var measurements = AugmentedSummary.Of(1, 5, DateTimeOffset.UnixEpoch, Groups, samples);

        Assert.Equal("GET /device-qos?batch=3&oids=1.4&oids=2.1&oids=3.1&oids=3.2 HTTP/1.1", agent.Requests.Single());
        Assert.Equal(["cpu_total_load", "memory_used", "network_egress_load"], measurements.Select(m => m.Metric)); // 3.2 empty: no data
        var cpu = measurements[0];
        Assert.Equal((11.25, 13.0, 12.25, 12.5, 11.25, 3), (cpu.Minimum!.Value, cpu.Maximum!.Value, cpu.Mean!.Value, cpu.Median!.Value, cpu.Current!.Value, cpu.Count));
    }

    [Fact]
    public async Task An_agent_that_answers_an_error_status_is_a_fetch_failure_naming_it()
    {
        await using var agent = new FakeAgent("""{"detail":"nope"}""", status: 500);

        var e = await Assert.ThrowsAsync<AgentFetchException>(() => Client(agent.Port).FetchAsync("127.0.0.1", 3, Groups, Timeout, CancellationToken.None));

        Assert.Contains("500", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_that_is_not_the_protocol_is_a_fetch_failure()
    {
        await using var agent = new FakeAgent("""{"1.4": "high"}""");

        var e = await Assert.ThrowsAsync<AgentFetchException>(() => Client(agent.Port).FetchAsync("127.0.0.1", 3, Groups, Timeout, CancellationToken.None));

        Assert.Contains("device-qos JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_agent_gives_failed_measurements_for_each_advertised_group()
    {
        var port = RttProbeTests.FreePort(System.Net.IPAddress.Loopback);

        await Assert.ThrowsAsync<AgentFetchException>(() => Client(port).FetchAsync("127.0.0.1", 3, Groups, Timeout, CancellationToken.None));
        var failed = AugmentedSummary.Failed(1, 5, DateTimeOffset.UnixEpoch, Groups);

        Assert.Equal(4, failed.Count);
        Assert.All(failed, m => Assert.True(m.Failed));
    }

    [Fact]
    public async Task The_real_qdms_agent_answers_the_collector_with_every_group()
    {
        using var agent = AgentProcess.Start("--groups", "1.4,2.1,3.1,3.2,4.1", "--sample-interval-ms", "50");
        var client = Client(agent.Port);

        var samples = await EventuallyAsync(async () =>
        {
            try
            {
                var s = await client.FetchAsync("127.0.0.1", 5, Groups, Timeout, CancellationToken.None);
                return Groups.All(g => s[g].Length >= 2) ? s : null;
            }
            catch (AgentFetchException)
            {
                return null; // still starting
            }
        });
        var measurements = AugmentedSummary.Of(1, 5, DateTimeOffset.UnixEpoch, Groups, samples);

        Assert.Equal(["cpu_total_load", "memory_used", "network_egress_load", "network_ingress_load"], measurements.Select(m => m.Metric));
        Assert.All(measurements, m => Assert.InRange(m.Mean!.Value, 0, 100));
        Assert.All(measurements, m => Assert.InRange(m.Count, 2, 5));
    }

    [Fact]
    public async Task A_token_protected_qdms_agent_refuses_the_collector_without_the_token_and_serves_it_with()
    {
        const string Token = "collector-test-token-0123456789";
        using var agent = AgentProcess.Start("--groups", "2.1", "--token", Token, "--sample-interval-ms", "50");

        var served = await EventuallyAsync(async () =>
        {
            try
            {
                var s = await Client(agent.Port, Token).FetchAsync("127.0.0.1", 1, ["2.1"], Timeout, CancellationToken.None);
                return s["2.1"].Length > 0 ? s : null;
            }
            catch (AgentFetchException)
            {
                return null;
            }
        });
        var e = await Assert.ThrowsAsync<AgentFetchException>(() => Client(agent.Port).FetchAsync("127.0.0.1", 1, ["2.1"], Timeout, CancellationToken.None));

        Assert.Single(served["2.1"]);
        Assert.Contains("401", e.Message, StringComparison.Ordinal);
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> attempt)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (await attempt() is { } value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, "the agent did not serve samples within 30 s");
            await Task.Delay(100);
        }
    }
}
