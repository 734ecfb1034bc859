using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Qdms.Client;
using Qdms.Contracts;
using Qdms.Testing;

namespace Qdms.Server.Tests.Engines;

/// <summary>The real echo engine started and stopped through the API, failures, the service switch, and restarts.</summary>
public abstract class EnginesLifecycleTests(DbKind kind)
{

    private static AddEngineRequest Echo(string alias, int port = 0) => new("echo", alias, JsonSerializer.SerializeToElement(new { port }));

    [Fact]
    public async Task A_started_echo_engine_echoes_bytes_and_a_stopped_one_closes_its_port()
    {
        await using var db = await EngineDatabase.CreateAsync(kind);
        var admin = await db.StartServer().AdminAsync();
        await admin.AddEngineAsync(Echo("main"));

        var started = Assert.Single(await admin.StartEngineAsync("echo", 1));
        Assert.Equal(("active", "running"), (started.State, started.DesiredState));
        var port = EchoPeer.BoundPort(started);
        var payload = Encoding.ASCII.GetBytes("hello QDMS\n");
        Assert.Equal(payload, await EchoPeer.EchoAsync(port, payload));

        // the engine counts the bytes once its write returned, which can be just after the peer read them
        var echoed = payload.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await EchoPeer.WaitUntilAsync(async () => (await admin.GetEngineAsync("echo", 1)).Details["bytesEchoed"] == echoed);
        var status = await admin.GetEngineAsync("echo", 1);
        Assert.Equal("1", status.Details["connections"]);
        Assert.Equal(echoed, status.Details["bytesEchoed"]);

        using var held = new TcpClient();
        await held.ConnectAsync(IPAddress.Loopback, port);
        await EchoPeer.WaitUntilAsync(async () => (await admin.GetEngineAsync("echo", 1)).Details["openConnections"] == "1");

        var stopped = Assert.Single(await admin.StopEngineAsync("echo", 1));
        Assert.Equal(("inactive", "stopped"), (stopped.State, stopped.DesiredState));
        Assert.True(await EchoPeer.IsClosedAsync(port));
        Assert.True(await EchoPeer.IsDroppedAsync(held), "stopping the engine closes the connections it holds");
        Assert.Contains((await admin.ListAuditAsync(action: "engine.start")).Items, a => a.Target == "engine/echo/main" && a.Username == "admin");
    }

    [Fact]
    public async Task Index_0_starts_and_stops_every_engine_of_the_type()
    {
        await using var db = await EngineDatabase.CreateAsync(kind);
        var admin = await db.StartServer().AdminAsync();
        await admin.AddEngineAsync(Echo("a"));
        await admin.AddEngineAsync(Echo("b"));

        var started = await admin.StartEngineAsync("echo", 0);
        Assert.Equal(["active", "active"], started.Select(e => e.State));
        foreach (var engine in started)
        {
            Assert.Equal("x"u8.ToArray(), await EchoPeer.EchoAsync(EchoPeer.BoundPort(engine), "x"u8.ToArray()));
        }

        var stopped = await admin.StopEngineAsync("echo", 0);
        Assert.Equal(["inactive", "inactive"], stopped.Select(e => e.State));
        foreach (var engine in started)
        {
            Assert.True(await EchoPeer.IsClosedAsync(EchoPeer.BoundPort(engine)));
        }
    }

    [Fact]
    public async Task An_engine_whose_port_is_taken_fails_with_the_socket_error_and_the_others_stay_active()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = ((IPEndPoint)squatter.LocalEndpoint).Port;

        await using var db = await EngineDatabase.CreateAsync(kind);
        var admin = await db.StartServer().AdminAsync();
        await admin.AddEngineAsync(Echo("a"));
        await admin.AddEngineAsync(Echo("squatted", taken));
        await admin.AddEngineAsync(Echo("c"));

        var started = await admin.StartEngineAsync("echo", 0);
        Assert.Equal(["active", "failed", "active"], started.Select(e => e.State));
        Assert.Contains($"127.0.0.1:{taken}", started[1].LastError, StringComparison.Ordinal);
        Assert.Contains("AddressAlreadyInUse", started[1].LastError, StringComparison.Ordinal);
        Assert.Equal("y"u8.ToArray(), await EchoPeer.EchoAsync(EchoPeer.BoundPort(started[2]), "y"u8.ToArray()));

        var report = await admin.ServiceReportAsync();
        Assert.True(report.HasErrors);
        Assert.Equal((3, 2, 1), (report.EngineCount, report.ActiveCount, report.FailedCount));
        Assert.Equal("failed", (await admin.GetEngineAsync("echo", 2)).State);
    }

    [Fact]
    public async Task Stopping_the_service_stops_every_engine_while_the_api_still_reports_and_restarts()
    {
        await using var db = await EngineDatabase.CreateAsync(kind);
        var admin = await db.StartServer().AdminAsync();
        await admin.AddEngineAsync(Echo("a"));
        await admin.AddEngineAsync(Echo("b"));
        var ports = (await admin.StartEngineAsync("echo", 0)).Select(EchoPeer.BoundPort).ToList();

        var running = await admin.ServiceReportAsync();
        Assert.Equal(("running", 2, 2, false), (running.State, running.EngineCount, running.ActiveCount, running.HasErrors));
        Assert.NotNull(running.StartedAt);
        Assert.True(running.UptimeSeconds >= 0);

        var stopped = await admin.StopServiceAsync();
        Assert.Equal(("stopped", 0), (stopped.State, stopped.ActiveCount));
        Assert.Null(stopped.StartedAt);
        foreach (var port in ports)
        {
            Assert.True(await EchoPeer.IsClosedAsync(port));
        }

        var report = await admin.ServiceReportAsync();
        Assert.Equal("stopped", report.State);
        Assert.All(report.Engines, e => Assert.Equal(("inactive", "running"), (e.State, e.DesiredState)));
        Assert.Equal(409, (await Assert.ThrowsAsync<QdmsApiException>(() => admin.StartEngineAsync("echo", 1))).Status);

        var restarted = await admin.StartServiceAsync();
        Assert.Equal(("running", 2), (restarted.State, restarted.ActiveCount));
        Assert.All(restarted.Engines, e => Assert.Equal("active", e.State));
        var again = EchoPeer.BoundPort(restarted.Engines[0]);
        Assert.Equal("z"u8.ToArray(), await EchoPeer.EchoAsync(again, "z"u8.ToArray()));
        var audit = await admin.ListAuditAsync(user: "admin");
        Assert.Contains(audit.Items, a => a.Action == "service.stop");
        Assert.Contains(audit.Items, a => a.Action == "service.start");
    }

    [Fact]
    public async Task A_new_server_on_the_same_database_brings_the_engines_back_in_their_desired_state()
    {
        await using var db = await EngineDatabase.CreateAsync(kind);
        var first = db.StartServer();
        var admin = await first.AdminAsync();
        foreach (var request in new[] { Echo("running"), Echo("never-started"), Echo("stopped-again") })
        {
            await admin.AddEngineAsync(request);
        }

        var runningPort = EchoPeer.BoundPort(Assert.Single(await admin.StartEngineAsync("echo", 1)));
        await admin.StartEngineAsync("echo", 3);
        await admin.StopEngineAsync("echo", 3);
        await first.DisposeAsync(); // the process ends: engines stop, desired states stay
        Assert.True(await EchoPeer.IsClosedAsync(runningPort));

        var second = db.StartServer();
        var again = await second.AdminAsync();
        var engines = await again.ListEnginesAsync();
        Assert.Equal(
            [("running", "active", "running"), ("never-started", "inactive", "stopped"), ("stopped-again", "inactive", "stopped")],
            engines.Select(e => (e.Alias, e.State, e.DesiredState)));
        var port = EchoPeer.BoundPort(engines[0]);
        Assert.Equal("back"u8.ToArray(), await EchoPeer.EchoAsync(port, "back"u8.ToArray()));
    }
}

public sealed class SqliteEnginesLifecycleTests() : EnginesLifecycleTests(DbKind.Sqlite);

public sealed class PostgresEnginesLifecycleTests() : EnginesLifecycleTests(DbKind.Postgres);
