using Qdms.Scenarios.Simulator;
using Qdms.Server.Tests.Cli;
using Qdms.Server.Tests.Support;
using Qdms.Testing;

namespace Qdms.Server.Tests.Scenarios;

/// <summary><c>qdms scenario …</c> against a real server (both databases) and, with <c>--local</c>, without one.</summary>
public abstract class ScenarioCliTests(QdmsAppFactory app)
{
    private static string Unique() => Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task Validate_names_the_line_of_each_problem_and_exits_1()
    {
        using var dir = new TempDirectory();
        using var cli = new CliRunner(app);
        var bad = Path.Combine(dir.Path, "bad.yaml");
        await File.WriteAllTextAsync(bad, ScenarioTexts.Echo(9).Replace("timeout: 2s", "timeout: 2s\n    tiemout: 3s"));
        var (exit, output) = await cli.RunAsync("scenario", "validate", bad);
        Assert.Equal(1, exit);
        Assert.Contains("bad.yaml: line 11, column 5 (steps[0].tiemout): unknown key 'tiemout'", output);

        var good = Path.Combine(dir.Path, "good.yaml");
        await File.WriteAllTextAsync(good, ScenarioTexts.Echo(9));
        Assert.Contains("good.yaml: valid", await cli.OkAsync("scenario", "validate", good));
    }

    [Fact]
    public async Task Create_save_as_and_run_show_the_live_log_and_exit_with_the_verdict()
    {
        await using var sim = new TcpSimulatorHost(() => new SimulatorOptions { Faults = FaultPlan.At(new Dictionary<int, SimulatorFault> { [1] = new(FaultKind.Busy) }) });
        using var dir = new TempDirectory();
        using var cli = await CliSignIn.TenantUserAsync(app, "operator");
        var file = Path.Combine(dir.Path, "echo.yaml");
        var name = "cli-" + Unique();
        await File.WriteAllTextAsync(file, ScenarioTexts.Echo(1, name));
        var created = await cli.JsonAsync("scenario", "create", file);
        var id = created[0].GetProperty("id").GetInt64();
        var copy = await cli.JsonAsync("scenario", "save-as", id.Text(), name + "-b");
        Assert.Equal(id, copy[0].GetProperty("derivedFromId").GetInt64());
        Assert.Contains(name + "-b", await cli.OkAsync("scenario", "list"));

        // Each connection is a fresh terminal whose first answer is BUSY: 2 of 3 served, below the 0.95 threshold.
        var (exit, output) = await cli.RunAsync("scenario", "run", id.Text(), "--target", $"127.0.0.1:{sim.Port}", "--view", "ascii");
        Assert.Equal(1, exit);
        Assert.Contains("TX     [hello] AT+ECHO=1\\r\\n", output);
        Assert.Contains("RX     BUSY\\r\\n", output);
        Assert.Contains("verdict: FAIL (completed)", output);
        Assert.Contains("service success ratio: 0.6667 (2/3;", output);
        Assert.Contains("threshold ssr >= 0.95: FAILED", output);

        var lenient = await cli.JsonAsync("scenario", "save-as", id.Text(), name + "-c");
        var lenientId = lenient[0].GetProperty("id").GetInt64();
        await File.WriteAllTextAsync(file, ScenarioTexts.Echo(1, name, "ssr >= 0.5"));
        _ = await cli.OkAsync("scenario", "update", lenientId.Text(), file);
        (exit, output) = await cli.RunAsync("scenario", "run", lenientId.Text(), "--target", $"127.0.0.1:{sim.Port}");
        Assert.True(exit == 0, output);
        Assert.Contains("verdict: PASS", output);

        var runs = await cli.JsonAsync("scenario", "runs", lenientId.Text());
        var runId = runs[0].GetProperty("id").GetInt64();
        Assert.Contains("AT+ECHO=3", await cli.OkAsync("scenario", "log", runId.Text(), "--view", "both"));
        Assert.Equal(0, (await cli.RunAsync("scenario", "result", runId.Text())).Exit);
    }

    [Fact]
    public async Task A_local_pda_run_is_captured_and_its_replay_passes_on_the_same_terminal_and_fails_on_a_faulty_one()
    {
        using var dir = new TempDirectory();
        using var cli = new CliRunner(app);
        var pda = Path.Combine(RepoPaths.Root, "scenarios", "templates", "pda.yaml");
        var capture = Path.Combine(dir.Path, "pda.ndjson");
        var replay = Path.Combine(dir.Path, "replay.yaml");
        await using (var healthy = new PtySimulatorHost(new SimulatorOptions()))
        {
            var (exit, output) = await cli.RunAsync("scenario", "run", "--local", pda, "--target", healthy.DevicePath, "--log", capture);
            Assert.True(exit == 0, output);
            Assert.Contains("verdict: PASS", output);
            Assert.Contains("|$CPU: 37..|", output);
        }

        _ = await cli.OkAsync("scenario", "replay", capture, "--scenario", pda, "--out", replay);
        Assert.Contains("send: { hex: \"41 54 24 43 50 55 3F 0D 0A\" }", await File.ReadAllTextAsync(replay));
        await using (var same = new PtySimulatorHost(new SimulatorOptions()))
        {
            var (exit, output) = await cli.RunAsync("scenario", "run", "--local", replay, "--target", same.DevicePath);
            Assert.True(exit == 0, output);
            Assert.Equal(10, same.Simulator.Commands.Count);
        }

        await using (var faulty = new PtySimulatorHost(new SimulatorOptions { GraphicsFault = true }))
        {
            var (exit, output) = await cli.RunAsync("scenario", "run", "--local", replay, "--target", faulty.DevicePath);
            Assert.Equal(1, exit);
            Assert.Contains("verdict: FAIL", output);
        }
    }

    [Fact]
    public async Task A_local_run_whose_transport_cannot_open_exits_2_before_sending()
    {
        using var cli = new CliRunner(app);
        var (exit, output) = await cli.RunAsync("scenario", "run", "--local", Path.Combine(RepoPaths.Root, "scenarios", "templates", "lbs.yaml"), "--target", "/dev/qdms-no-such-port");
        Assert.Equal(2, exit);
        Assert.Contains("cannot open serial /dev/qdms-no-such-port", output);
        Assert.DoesNotContain(" TX ", output);
    }
}

public sealed class SqliteScenarioCliTests(SqliteApp app) : ScenarioCliTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresScenarioCliTests(PostgresApp app) : ScenarioCliTests(app), IClassFixture<PostgresApp>;
