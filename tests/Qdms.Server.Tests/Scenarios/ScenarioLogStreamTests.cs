using System.Net.Http.Headers;
using System.Text.Json;
using Qdms.Client;
using Qdms.Contracts;
using Qdms.Server.Tests.Cli;
using Qdms.Server.Tests.Support;
using Qdms.Testing;

namespace Qdms.Server.Tests.Scenarios;

/// <summary>
/// <c>GET /api/v1/scenarios/runs/{runId}/log/stream</c>: server-sent events that arrive while the run runs, resume after a
/// sequence number, end with the stored run, and follow the same roles and tenant isolation as the other run routes.
/// </summary>
public abstract class ScenarioLogStreamTests(QdmsAppFactory app)
{
    private const string HeldTxHex = "41542B484F4C440D0A"; // "AT+HOLD\r\n"

    private static string Unique() => Guid.NewGuid().ToString("N")[..10];

    private static string Field(ScenarioLogStreamItem item, string name) =>
        JsonDocument.Parse(item.Data).RootElement.TryGetProperty(name, out var v) ? v.ToString() : "";

    private async Task<(QdmsClient Client, TenantDto Tenant, ScenarioRunDto Run)> StartHeldRunAsync(GatedTerminal terminal)
    {
        var (client, tenant, _) = await app.TenantUserAsync("operator");
        var s = await client.CreateScenarioAsync(new CreateScenarioRequest(terminal.Scenario("stream-" + Unique())));
        return (client, tenant, Assert.Single(await client.StartScenarioRunAsync(s.Id, new StartScenarioRunRequest())));
    }

    [Fact]
    public async Task The_log_arrives_while_the_run_waits_resumes_after_a_sequence_and_ends_with_the_stored_run()
    {
        await using var terminal = new GatedTerminal();
        var (client, _, run) = await StartHeldRunAsync(terminal);

        var items = new List<ScenarioLogStreamItem>();
        await foreach (var item in client.StreamScenarioRunLogAsync(run.Id))
        {
            items.Add(item);
            if (item.Event == "log" && Field(item, "kind") == "tx" && Field(item, "hex") == HeldTxHex && !terminal.Holding.IsCompleted)
            {
                await terminal.Holding;
            }

            if (item.Event == "log" && Field(item, "hex") == HeldTxHex && Field(item, "kind") == "tx")
            {
                // The terminal has not answered: the run cannot have ended, yet its first lines are here.
                Assert.Equal("running", (await client.GetScenarioRunAsync(run.Id)).State);
                Assert.Contains(items, i => Field(i, "kind") == "rx" && Field(i, "ascii") == "OK..");

                var firstId = long.Parse(items[0].Id!, System.Globalization.CultureInfo.InvariantCulture);
                var resumed = new List<ScenarioLogStreamItem>();
                await foreach (var again in client.StreamScenarioRunLogAsync(run.Id, after: firstId))
                {
                    resumed.Add(again);
                    if (Field(again, "hex") == HeldTxHex)
                    {
                        break;
                    }
                }

                Assert.Equal(items.Skip(1).Select(i => i.Id), resumed.Select(i => i.Id));
                terminal.Release();
            }
        }

        var end = items[^1];
        Assert.True(end.IsEnd);
        Assert.Single(items, i => i.IsEnd);
        var stored = JsonSerializer.Deserialize<ScenarioRunDto>(end.Data, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal((run.Id, "completed", "pass"), (stored.Id, stored.State, stored.Verdict));
        Assert.Equal("ended", Field(items[^2], "kind"));
        var ids = items.SkipLast(1).Select(i => long.Parse(i.Id!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());

        // After the end the stream replays the stored log, from a sequence on.
        var cut = ids[ids.Count / 2];
        var tail = new List<ScenarioLogStreamItem>();
        await foreach (var item in client.StreamScenarioRunLogAsync(run.Id, after: cut))
        {
            tail.Add(item);
        }

        Assert.Equal(items.Where(i => !i.IsEnd && long.Parse(i.Id!, System.Globalization.CultureInfo.InvariantCulture) > cut).Select(i => i.Data),
            tail.SkipLast(1).Select(i => i.Data));
        Assert.True(tail[^1].IsEnd);
    }

    [Fact]
    public async Task The_stream_needs_a_token_hides_another_tenants_run_and_names_a_bad_cursor()
    {
        await using var terminal = new GatedTerminal();
        terminal.Release();
        var (client, tenant, run) = await StartHeldRunAsync(terminal);
        await foreach (var _ in client.StreamScenarioRunLogAsync(run.Id))
        {
        }

        var anonymous = await Assert.ThrowsAsync<QdmsApiException>(async () =>
        {
            await foreach (var _ in app.Anonymous().StreamScenarioRunLogAsync(run.Id))
            {
            }
        });
        Assert.True(401 == anonymous.Status, anonymous.Title + ": " + anonymous.Message);

        var (intruder, _, _) = await app.TenantUserAsync("admin");
        var hidden = await Assert.ThrowsAsync<QdmsApiException>(async () =>
        {
            await foreach (var _ in intruder.StreamScenarioRunLogAsync(run.Id))
            {
            }
        });
        Assert.Equal(404, hidden.Status);

        var admin = await app.AdminAsync();
        var viewerName = "v" + Unique();
        await admin.CreateUserAsync(new CreateUserRequest(viewerName, "user-pass-123", "viewer", tenant.Id));
        var token = (await app.Anonymous().LoginAsync(viewerName, "user-pass-123")).Token;
        using var http = app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var bad = await http.GetAsync($"api/v1/scenarios/runs/{run.Id}/log/stream?after=-1");
        Assert.Equal(400, (int)bad.StatusCode);
        Assert.Contains("\"after\"", await bad.Content.ReadAsStringAsync());

        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/scenarios/runs/{run.Id}/log/stream");
        request.Headers.Add("Last-Event-ID", "1");
        using var resumed = await http.SendAsync(request);
        Assert.Equal("text/event-stream", resumed.Content.Headers.ContentType?.MediaType);
        var body = await resumed.Content.ReadAsStringAsync();
        Assert.DoesNotContain("\nid: 1\n", "\n" + body);
        Assert.Contains("id: 2\n", body);
        Assert.EndsWith("\n\n", body);
        Assert.Contains("event: end", body);
    }

    [Fact]
    public async Task The_cli_follows_a_run_log_until_the_run_ends_and_resumes_after_a_sequence()
    {
        await using var terminal = new GatedTerminal();
        using var dir = new TempDirectory();
        using var cli = await CliSignIn.TenantUserAsync(app, "operator");
        var file = Path.Combine(dir.Path, "held.yaml");
        await File.WriteAllTextAsync(file, terminal.Scenario("cli-" + Unique()));
        var id = (await cli.JsonAsync("scenario", "create", file))[0].GetProperty("id").GetInt64();
        var runId = (await cli.JsonAsync("scenario", "run", id.Text(), "--no-follow"))[0].GetProperty("id").GetInt64();

        var following = cli.RunAsync("scenario", "log", runId.Text(), "--follow", "--view", "ascii");
        await terminal.Holding;
        Assert.False(following.IsCompleted);
        terminal.Release();
        var (exit, output) = await following;
        Assert.True(exit == 0, output);
        Assert.Contains("TX     [hello] AT\\r\\n", output);
        Assert.Contains("TX     [held] AT+HOLD\\r\\n", output);
        Assert.EndsWith($"run {runId}: completed, verdict pass", output.TrimEnd());

        (exit, output) = await cli.RunAsync("scenario", "log", runId.Text(), "--follow", "--after", "3", "--view", "ascii");
        Assert.Equal(0, exit);
        Assert.DoesNotContain("[hello] AT\\r\\n", output);
        Assert.Contains("[held] AT+HOLD\\r\\n", output);
    }
}

public sealed class SqliteScenarioLogStreamTests(SqliteApp app) : ScenarioLogStreamTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresScenarioLogStreamTests(PostgresApp app) : ScenarioLogStreamTests(app), IClassFixture<PostgresApp>;
