using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Qdms.Server.Tests.Engines;
using Qdms.Server.Tests.Support;

namespace Qdms.Server.Tests.Cli;

/// <summary>
/// <c>qdms engines …</c> and <c>qdms service …</c> driving the real echo engine. Engines are the whole server's, so each
/// test removes what it added and leaves the service running (the tests of one class run one after another).
/// </summary>
public sealed class EngineCliTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static int BoundPort(JsonElement engine) =>
        int.Parse(engine.GetProperty("details").GetProperty("boundPort").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    private static JsonElement ByAlias(JsonElement engines, string alias) =>
        engines.EnumerateArray().Single(e => e.GetProperty("alias").GetString() == alias);

    [Fact]
    public async Task Engine_types_are_listed_with_their_keys_and_defaults()
    {
        using var cli = await CliSignIn.AdminAsync(app);
        var table = await cli.OkAsync("engines", "types");
        Assert.Matches(@"│\s*echo\s*│", table);
        Assert.Contains("host (string)", table, StringComparison.Ordinal);
        Assert.Contains("port (integer)", table, StringComparison.Ordinal);

        var echo = (await cli.JsonAsync("engines", "types")).EnumerateArray().Single(t => t.GetProperty("name").GetString() == "echo");
        Assert.Equal(7000, echo.GetProperty("defaultConfig").GetProperty("port").GetInt32());
    }

    [Fact]
    public async Task Echo_engines_added_with_config_or_set_start_accept_connections_and_stop_and_go()
    {
        using var cli = await CliSignIn.AdminAsync(app);
        var fromJson = "json-" + DevicesTests.Unique();
        var fromSet = "set-" + DevicesTests.Unique();
        var added = (await cli.JsonAsync("engines", "add", "echo", fromJson, "--config", """{"port": 0}"""))[0];
        Assert.Equal(("inactive", 0, "127.0.0.1"), (added.GetProperty("state").GetString(), added.GetProperty("config").GetProperty("port").GetInt32(),
            added.GetProperty("config").GetProperty("host").GetString()));
        var jsonIndex = added.GetProperty("index").GetInt32();
        added = (await cli.JsonAsync("engines", "add", "echo", fromSet, "--config", """{"port": 7001}""", "--set", "port=0", "--set", "host=127.0.0.1"))[0];
        Assert.Equal(0, added.GetProperty("config").GetProperty("port").GetInt32());
        Assert.Equal(JsonValueKind.Number, added.GetProperty("config").GetProperty("port").ValueKind);
        var setIndex = added.GetProperty("index").GetInt32();

        var (exit, output) = await cli.RunAsync("engines", "start", "echo", "0", "--json");
        Assert.True(exit == 0, output);
        var started = JsonDocument.Parse(output).RootElement;
        Assert.All(started.EnumerateArray(), e => Assert.Equal("active", e.GetProperty("state").GetString()));
        var ports = new[] { BoundPort(ByAlias(started, fromJson)), BoundPort(ByAlias(started, fromSet)) };
        foreach (var port in ports)
        {
            Assert.Equal("ping"u8.ToArray(), await EchoPeer.EchoAsync(port, "ping"u8.ToArray()));
        }

        var status = await cli.OkAsync("engines", "status", "echo", jsonIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Matches($@"│\s*echo\s*│\s*{jsonIndex}\s*│\s*{fromJson}\s*│\s*active\s*│\s*running\s*│", status);
        Assert.Contains($"boundPort={ports[0]}", status, StringComparison.Ordinal);
        Assert.Contains("bytesEchoed=4", status, StringComparison.Ordinal);
        Assert.Contains(fromSet, await cli.OkAsync("engines", "list"), StringComparison.Ordinal);

        var stopped = (await cli.JsonAsync("engines", "stop", "echo", setIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)))[0];
        Assert.Equal(("inactive", "stopped"), (stopped.GetProperty("state").GetString(), stopped.GetProperty("desiredState").GetString()));
        Assert.True(await EchoPeer.IsClosedAsync(ports[1]));
        Assert.Equal("x"u8.ToArray(), await EchoPeer.EchoAsync(ports[0], "x"u8.ToArray()));

        Assert.Contains($"Engine echo/{fromJson} removed.", await cli.OkAsync("engines", "remove", "echo", fromJson), StringComparison.Ordinal);
        Assert.True(await EchoPeer.IsClosedAsync(ports[0]));
        await cli.OkAsync("engines", "remove", "echo", fromSet);
        var left = await cli.JsonAsync("engines", "list");
        Assert.DoesNotContain(left.EnumerateArray(), e => e.GetProperty("alias").GetString() is { } a && (a == fromJson || a == fromSet));

        (exit, output) = await cli.RunAsync("engines", "status", "echo", jsonIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, exit);
        Assert.Contains("HTTP 404", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_config_arguments_are_one_line_errors()
    {
        using var cli = await CliSignIn.AdminAsync(app);
        var alias = "bad-" + DevicesTests.Unique();
        foreach (var (args, message) in new (string[], string)[]
        {
            (["--config", "[1]"], "--config must be a JSON object"),
            (["--config", "{port"], "--config is not valid JSON"),
            (["--set", "port"], "--set 'port' must be key=value"),
            (["--set", "port=-5"], "port must be a whole number"),
            (["--set", "colour=red"], "unknown key 'colour'"),
        })
        {
            var (exit, output) = await cli.RunAsync(["engines", "add", "echo", alias, .. args]);
            Assert.True(exit == 1, output);
            Assert.Contains(message, output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain((await cli.JsonAsync("engines", "list")).EnumerateArray(), e => e.GetProperty("alias").GetString() == alias);
    }

    [Fact]
    public async Task An_engine_whose_port_is_taken_fails_to_start_and_the_report_exits_1()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = ((IPEndPoint)squatter.LocalEndpoint).Port;
        using var cli = await CliSignIn.AdminAsync(app);
        var alias = "squatted-" + DevicesTests.Unique();
        var index = (await cli.JsonAsync("engines", "add", "echo", alias, "--set", $"port={taken}"))[0].GetProperty("index").GetInt32();
        try
        {
            var (exit, output) = await cli.RunAsync("engines", "start", "echo", index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(1, exit);
            Assert.Matches($@"│\s*{alias}\s*│\s*failed\s*│", output);
            Assert.Contains($"127.0.0.1:{taken}", output, StringComparison.Ordinal);
            Assert.Contains("AddressAlreadyInUse", output, StringComparison.Ordinal);

            (exit, output) = await cli.RunAsync("service", "report");
            Assert.Equal(1, exit);
            Assert.Contains("Errors    yes", output, StringComparison.Ordinal);
            Assert.Contains("1 failed", output, StringComparison.Ordinal);
            (exit, output) = await cli.RunAsync("service", "report", "--json");
            Assert.Equal(1, exit);
            Assert.True(JsonDocument.Parse(output).RootElement.GetProperty("hasErrors").GetBoolean());
        }
        finally
        {
            await cli.OkAsync("engines", "remove", "echo", alias);
        }

        var (after, report) = await cli.RunAsync("service", "report");
        Assert.True(after == 0, report);
        Assert.Contains("Errors    no", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_service_is_stopped_and_started_from_the_cli_with_its_engines()
    {
        using var cli = await CliSignIn.AdminAsync(app);
        var alias = "svc-" + DevicesTests.Unique();
        await cli.OkAsync("engines", "add", "echo", alias, "--set", "port=0");
        var index = ByAlias(await cli.JsonAsync("engines", "list"), alias).GetProperty("index").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var port = BoundPort((await cli.JsonAsync("engines", "start", "echo", index))[0]);
        try
        {
            var report = await cli.OkAsync("service", "report");
            Assert.Contains("Service   running", report, StringComparison.Ordinal);
            Assert.Contains("Errors    no", report, StringComparison.Ordinal);
            Assert.Matches($@"│\s*{alias}\s*│\s*active\s*│", report);

            var stopped = await cli.OkAsync("service", "stop");
            Assert.Contains("Service   stopped", stopped, StringComparison.Ordinal);
            Assert.True(await EchoPeer.IsClosedAsync(port));
            var json = await cli.JsonAsync("service", "report");
            Assert.Equal(("stopped", 0), (json.GetProperty("state").GetString(), json.GetProperty("activeCount").GetInt32()));
            var (exit, output) = await cli.RunAsync("engines", "start", "echo", index);
            Assert.Equal(1, exit);
            Assert.Contains("HTTP 409", output, StringComparison.Ordinal);
        }
        finally
        {
            Assert.Contains("Service   running", await cli.OkAsync("service", "start"), StringComparison.Ordinal);
        }

        var restarted = ByAlias((await cli.JsonAsync("service", "report")).GetProperty("engines"), alias);
        Assert.Equal("active", restarted.GetProperty("state").GetString());
        Assert.Equal("z"u8.ToArray(), await EchoPeer.EchoAsync(BoundPort(restarted), "z"u8.ToArray()));
        await cli.OkAsync("engines", "remove", "echo", alias);
    }

    [Fact]
    public async Task Help_renders_for_engines_and_service()
    {
        using var offline = new OfflineCli();
        await offline.AssertHelpAsync("engines", "list", "types", "add", "remove", "start", "stop", "status");
        await offline.AssertHelpAsync("service", "start", "stop", "report");
    }

    [Fact]
    public async Task Every_engine_and_service_command_prints_one_line_when_the_server_is_unreachable()
    {
        using var offline = new OfflineCli();
        await offline.AssertUnreachableAsync("engines", "list");
        await offline.AssertUnreachableAsync("engines", "types");
        await offline.AssertUnreachableAsync("engines", "add", "echo", "a", "--set", "port=0");
        await offline.AssertUnreachableAsync("engines", "remove", "echo", "a");
        await offline.AssertUnreachableAsync("engines", "start", "echo", "0");
        await offline.AssertUnreachableAsync("engines", "stop", "echo", "0");
        await offline.AssertUnreachableAsync("engines", "status", "echo", "1");
        await offline.AssertUnreachableAsync("service", "start");
        await offline.AssertUnreachableAsync("service", "stop");
        await offline.AssertUnreachableAsync("service", "report");

        await offline.AssertNotQdmsAsync("engines", "list");
        await offline.AssertNotQdmsAsync("engines", "start", "echo", "0");
        await offline.AssertNotQdmsAsync("service", "report");
    }
}
