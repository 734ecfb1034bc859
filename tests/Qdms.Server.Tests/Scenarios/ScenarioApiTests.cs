using Microsoft.Extensions.DependencyInjection;
using Qdms.Client;
using Qdms.Contracts;
using Qdms.Scenarios.Hosting;
using Qdms.Scenarios.Simulator;
using Qdms.Server.Tests.Support;

namespace Qdms.Server.Tests.Scenarios;

/// <summary>Scenarios through the REST API: storage, save-as, validation, roles, tenant isolation, runs, live events and threshold events.</summary>
public abstract class ScenarioApiTests(QdmsAppFactory app)
{
    private static string Unique() => Guid.NewGuid().ToString("N")[..10];

    private static async Task<ScenarioRunDto> FinishedAsync(QdmsClient client, long runId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var run = await client.GetScenarioRunAsync(runId);
            if (run.State != "running")
            {
                return run;
            }

            Assert.True(DateTime.UtcNow < deadline, $"run {runId} did not finish");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task A_scenario_is_stored_edited_and_saved_as_a_copy_that_records_its_origin()
    {
        var (client, tenant, _) = await app.TenantUserAsync("operator");
        var name = "s-" + Unique();
        var created = await client.CreateScenarioAsync(new CreateScenarioRequest(ScenarioTexts.Echo(9, name)));
        Assert.Equal((name, 1, tenant.Id), (created.Name, created.Revision, created.TenantId));

        var edited = await client.UpdateScenarioAsync(created.Id, new UpdateScenarioRequest(ScenarioTexts.Echo(10, name), Revision: 1));
        Assert.Equal(2, edited.Revision);
        Assert.Contains("port: 10", edited.Text);
        var stale = await Assert.ThrowsAsync<QdmsApiException>(() => client.UpdateScenarioAsync(created.Id, new UpdateScenarioRequest(ScenarioTexts.Echo(11, name), Revision: 1)));
        Assert.Equal(409, stale.Status);

        var copy = await client.SaveScenarioAsAsync(created.Id, name + "-copy");
        Assert.Equal((created.Id, 2, 1), (copy.DerivedFromId!.Value, copy.DerivedFromRevision!.Value, copy.Revision));
        Assert.Equal(edited.Text, copy.Text);
        var original = await client.GetScenarioAsync(created.Id);
        Assert.Equal((name, 2), (original.Name, original.Revision));
        Assert.Equal(409, (await Assert.ThrowsAsync<QdmsApiException>(() => client.SaveScenarioAsAsync(created.Id, name + "-copy"))).Status);

        Assert.Equal([name, name + "-copy"], (await client.ListScenariosAsync()).Items.Select(s => s.Name));
        await client.DeleteScenarioAsync(copy.Id);
        Assert.Equal(404, (await Assert.ThrowsAsync<QdmsApiException>(() => client.GetScenarioAsync(copy.Id))).Status);
    }

    [Fact]
    public async Task A_bad_scenario_is_refused_with_every_problem_and_its_line()
    {
        var (client, _, _) = await app.TenantUserAsync("operator");
        var text = ScenarioTexts.Echo(9).Replace("timeout: 2s", "timeout: 2s\n    on_fail: { goto: nowhere }").Replace("(?<n>", "(?<n");
        var e = await Assert.ThrowsAsync<QdmsApiException>(() => client.CreateScenarioAsync(new CreateScenarioRequest(text)));
        Assert.Equal(400, e.Status);
        var problems = e.Errors!["text"];
        Assert.Equal(2, problems.Length);
        Assert.Contains(problems, p => p.StartsWith("line 9, column 23 (steps[0].expect[0].regex): the regex does not compile", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("line 11, column 22 (steps[0].on_fail.goto): goto 'nowhere'", StringComparison.Ordinal));
        Assert.Equal(0, (await client.ListScenariosAsync()).Total);

        var validation = await client.ValidateScenarioAsync(text);
        Assert.False(validation.Valid);
        Assert.Equal([9, 11], validation.Problems.Select(p => p.Line));
        Assert.True((await client.ValidateScenarioAsync(ScenarioTexts.Echo(9))).Valid);
    }

    [Fact]
    public async Task A_server_run_may_open_only_the_serial_ports_the_server_allows()
    {
        var (op, _, _) = await app.TenantUserAsync("operator");
        var terminal = await op.CreateScenarioAsync(new CreateScenarioRequest(ScenarioTexts.Serial("/dev/pts/0", "pts-" + Unique())));

        var e = await Assert.ThrowsAsync<QdmsApiException>(() => op.StartScenarioRunAsync(terminal.Id, new StartScenarioRunRequest()));
        Assert.Equal(422, e.Status);
        Assert.Contains("'/dev/pts/0'", e.Message, StringComparison.Ordinal);
        Assert.Contains("Qdms:Scenarios:SerialPorts", e.Message, StringComparison.Ordinal);
        e = await Assert.ThrowsAsync<QdmsApiException>(() => op.StartScenarioRunAsync(terminal.Id, new StartScenarioRunRequest(Target: "/dev/ttyUSB0/../pts/0")));
        Assert.Equal(422, e.Status);
        Assert.Equal(0, (await op.ListScenarioRunsAsync(terminal.Id)).Total);

        var allowed = await op.StartScenarioRunAsync(terminal.Id, new StartScenarioRunRequest(Target: "/dev/ttyUSB-qdms-absent"));
        Assert.Equal("/dev/ttyUSB-qdms-absent", Assert.Single(allowed).Target);
    }

    [Fact]
    public async Task Viewers_read_but_cannot_edit_or_run_and_other_tenants_see_nothing()
    {
        var (op, tenant, _) = await app.TenantUserAsync("operator");
        var s = await op.CreateScenarioAsync(new CreateScenarioRequest(ScenarioTexts.Echo(9, "v-" + Unique())));
        var admin = await app.AdminAsync();
        var viewerName = "v" + Unique();
        await admin.CreateUserAsync(new CreateUserRequest(viewerName, "user-pass-123", "viewer", tenant.Id));
        var viewer = await app.SignInAsync(viewerName, "user-pass-123");

        Assert.Equal(s.Text, (await viewer.GetScenarioAsync(s.Id)).Text);
        Assert.Equal(403, (await Assert.ThrowsAsync<QdmsApiException>(() => viewer.UpdateScenarioAsync(s.Id, new UpdateScenarioRequest(s.Text)))).Status);
        Assert.Equal(403, (await Assert.ThrowsAsync<QdmsApiException>(() => viewer.StartScenarioRunAsync(s.Id, new StartScenarioRunRequest()))).Status);
        Assert.Equal(403, (await Assert.ThrowsAsync<QdmsApiException>(() => viewer.CreateScenarioAsync(new CreateScenarioRequest(s.Text)))).Status);

        var (intruder, _, _) = await app.TenantUserAsync("admin");
        Assert.Equal(404, (await Assert.ThrowsAsync<QdmsApiException>(() => intruder.GetScenarioAsync(s.Id))).Status);
        Assert.Equal(404, (await Assert.ThrowsAsync<QdmsApiException>(() => intruder.StartScenarioRunAsync(s.Id, new StartScenarioRunRequest()))).Status);
        Assert.Equal(404, (await Assert.ThrowsAsync<QdmsApiException>(() => intruder.SaveScenarioAsAsync(s.Id, "mine"))).Status);
        Assert.Equal(0, (await intruder.ListScenariosAsync()).Total);
    }

    [Fact]
    public async Task A_run_against_a_device_stores_its_result_and_log_and_a_failed_threshold_becomes_a_device_event()
    {
        await using var sim = new TcpSimulatorHost(() => new SimulatorOptions
        {
            Faults = FaultPlan.At(new Dictionary<int, SimulatorFault> { [2] = new(FaultKind.Busy) }),
        });
        var (client, tenant, _) = await app.TenantUserAsync("operator");
        var admin = await app.AdminAsync();
        var device = await admin.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("ping", "sim-" + Unique())], Address: $"127.0.0.1:{sim.Port}", TenantId: tenant.Id));
        var s = await client.CreateScenarioAsync(new CreateScenarioRequest(ScenarioTexts.Echo(1, "dev-" + Unique())));

        var run = Assert.Single(await client.StartScenarioRunAsync(s.Id, new StartScenarioRunRequest(DeviceId: device.Id)));
        Assert.Equal(($"127.0.0.1:{sim.Port}", device.Id), (run.Target, run.DeviceId!.Value));
        var lines = new List<string>();
        await foreach (var line in client.FollowScenarioRunAsync(run.Id))
        {
            lines.Add(line);
        }

        Assert.Contains(lines, l => l.Contains("\"kind\":\"tx\"") && l.Contains("\"hex\":\"41542B4543484F3D310D0A\""));
        Assert.Contains("\"kind\":\"ended\"", lines[^1]);

        var done = await FinishedAsync(client, run.Id);
        Assert.Equal(("completed", "fail"), (done.State, done.Verdict));
        var k = done.Result!.Kpis;
        Assert.Equal((3L, 2L), (k.Attempts, k.Served));
        var threshold = Assert.Single(done.Result.Thresholds);
        Assert.Equal((false, 2.0 / 3), (threshold.Passed, threshold.Actual!.Value));
        Assert.Equal(3, done.Result.Steps.Count);

        var log = await client.GetScenarioRunLogAsync(run.Id, "ascii");
        Assert.Contains("TX     [hello] AT+ECHO=1\\r\\n", log);

        var events = await client.ListEventsAsync(deviceId: device.Id);
        var e = Assert.Single(events.Items);
        Assert.Equal(("scenario", "threshold", "major"), (e.Source, e.Type, e.Severity));
        Assert.Contains("ssr >= 0.95 failed (ssr = 0.666667)", e.Message);
        Assert.Equal(run.Id, e.Data!.Value.GetProperty("runId").GetInt64());
        Assert.Equal([run.Id], (await client.ListScenarioRunsAsync(s.Id)).Items.Select(r => r.Id));
    }

    [Fact]
    public async Task A_group_run_starts_one_run_per_device_with_a_target()
    {
        await using var sim = new TcpSimulatorHost(() => new SimulatorOptions());
        var (client, tenant, _) = await app.TenantUserAsync("operator");
        var admin = await app.AdminAsync();
        var group = "g-" + Unique();
        var a = await admin.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("ping", "a-" + Unique())], Address: $"127.0.0.1:{sim.Port}", ProvisionGroup: group, TenantId: tenant.Id));
        var b = await admin.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("ping", "b-" + Unique())], Address: $"127.0.0.1:{sim.Port}", ProvisionGroup: group, TenantId: tenant.Id));
        _ = await admin.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("ping", "c-" + Unique())], ProvisionGroup: group, TenantId: tenant.Id));
        var s = await client.CreateScenarioAsync(new CreateScenarioRequest(ScenarioTexts.Echo(1, "grp-" + Unique(), "ssr >= 0.5")));

        var runs = await client.StartScenarioRunAsync(s.Id, new StartScenarioRunRequest(Group: group));
        Assert.Equal(new[] { a.Id, b.Id }.Order(), runs.Select(r => r.DeviceId!.Value).Order());
        foreach (var r in runs)
        {
            Assert.Equal("pass", (await FinishedAsync(client, r.Id)).Verdict);
        }

        var none = await Assert.ThrowsAsync<QdmsApiException>(() => client.StartScenarioRunAsync(s.Id, new StartScenarioRunRequest(Group: "empty-" + Unique())));
        Assert.Equal(422, none.Status);
    }

    [Fact]
    public async Task A_run_pauses_resumes_and_stops_through_the_api()
    {
        await using var sim = new TcpSimulatorHost(() => new SimulatorOptions());
        var (client, _, _) = await app.TenantUserAsync("operator");
        var s = await client.CreateScenarioAsync(new CreateScenarioRequest(ScenarioTexts.Long(sim.Port)));
        var run = Assert.Single(await client.StartScenarioRunAsync(s.Id, new StartScenarioRunRequest()));

        await client.PauseScenarioRunAsync(run.Id);
        var paused = false;
        await foreach (var line in client.FollowScenarioRunAsync(run.Id))
        {
            if (line.Contains("\"kind\":\"paused\"") && !paused)
            {
                paused = true;
                await client.ResumeScenarioRunAsync(run.Id);
                await client.StopScenarioRunAsync(run.Id);
            }
        }

        Assert.True(paused);
        var done = await FinishedAsync(client, run.Id);
        Assert.Equal(("stopped", "fail"), (done.State, done.Verdict));
        Assert.True(done.Result!.Steps.Count < 1000);
        Assert.Equal(409, (await Assert.ThrowsAsync<QdmsApiException>(() => client.PauseScenarioRunAsync(run.Id))).Status);
    }

    [Fact]
    public async Task A_schedule_starts_runs_against_its_device()
    {
        await using var sim = new TcpSimulatorHost(() => new SimulatorOptions());
        var (client, tenant, _) = await app.TenantUserAsync("operator");
        var admin = await app.AdminAsync();
        var device = await admin.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("ping", "sch-" + Unique())], Address: $"127.0.0.1:{sim.Port}", TenantId: tenant.Id));
        var s = await client.CreateScenarioAsync(new CreateScenarioRequest(ScenarioTexts.Echo(1, "sch-" + Unique())));
        var schedule = await client.CreateScenarioScheduleAsync(s.Id, new CreateScenarioScheduleRequest(3600, DeviceId: device.Id));
        Assert.Equal([schedule.Id], (await client.ListScenarioSchedulesAsync(s.Id)).Select(x => x.Id));

        var scheduler = app.Services.GetRequiredService<ScenarioScheduler>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        PageDto<ScenarioRunDto> runs;
        while ((runs = await client.ListScenarioRunsAsync(s.Id)).Total == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the schedule never ran");
            await scheduler.RunDueAsync(default);
        }

        var run = Assert.Single(runs.Items);
        Assert.Equal((device.Id, $"schedule/{schedule.Id}"), (run.DeviceId!.Value, run.RequestedBy));
        Assert.Equal("pass", (await FinishedAsync(client, run.Id)).Verdict);
        Assert.Equal(0, await scheduler.RunDueAsync(default));
        await client.DeleteScenarioScheduleAsync(schedule.Id);
        Assert.Empty(await client.ListScenarioSchedulesAsync(s.Id));
    }
}

public sealed class SqliteScenarioApiTests(SqliteApp app) : ScenarioApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresScenarioApiTests(PostgresApp app) : ScenarioApiTests(app), IClassFixture<PostgresApp>;
