using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qdms.Client;
using Qdms.Contracts;
using Qdms.Core.Measurements;
using Qdms.Core.Security;
using Qdms.Server.Tests.Support;
using Qdms.Testing;

namespace Qdms.Server.Tests.Snmp;

/// <summary>
/// The snmp engine against a real net-snmp agent: polling into parameters and measurements, get/set/refresh tasks,
/// unreachable devices, and traps and informs sent by net-snmp's snmptrap/snmpinform read back through the events API.
/// A device's identity is its agent's address and port, so each test starts its own agent.
/// </summary>
public abstract class SnmpEngineTests(QdmsAppFactory app)
{
    private const string SysName = "1.3.6.1.2.1.1.5.0";
    private const string SysContact = "1.3.6.1.2.1.1.4.0";

    /// <summary>The class's one snmp engine (one per server, as in production): fast timeouts, first polls at once, traps on a free port.</summary>
    private async Task<int> EngineAsync(QdmsClient admin)
    {
        var engines = await admin.ListEnginesAsync();
        var engine = engines.FirstOrDefault(e => e.Type == "snmp");
        if (engine is null)
        {
            using var config = JsonDocument.Parse("""
                {"trapHost": "127.0.0.1", "trapPort": 0, "timeoutMs": 400, "retries": 0, "reloadSeconds": 1, "taskPollMs": 100,
                 "spreadFirstPolls": false, "trapUsers": [{"name": "sha256aes256", "authProtocol": "sha256", "authPassword": "authpass-sha256aes256",
                 "privProtocol": "aes256", "privPassword": "privpass-sha256aes256"}]}
                """);
            engine = await admin.AddEngineAsync(new AddEngineRequest("snmp", "test", config.RootElement.Clone()));
            var started = await admin.StartEngineAsync("snmp", engine.Index);
            Assert.True(started.All(e => e.State == "active"), string.Join("; ", started.Select(e => $"{e.State} {e.LastError}")));
            engine = await admin.GetEngineAsync("snmp", engine.Index);
        }

        return int.Parse(engine.Details["trapPort"], CultureInfo.InvariantCulture);
    }

    private async Task<SnmpProfileDto> FastProfileAsync(QdmsClient client, string name) =>
        await client.CreateSnmpProfileAsync(new SnmpProfileRequest(name, 1,
            [new SnmpObjectDto(SysName, "sysName"), new SnmpObjectDto("1.3.6.1.2.1.1.3.0", "sysUpTime", "snmp.sysUpTime", "gauge", 0.01)],
            [new SnmpTableDto("if", [new SnmpObjectDto("1.3.6.1.2.1.2.2.1.2", "ifDescr"), new SnmpObjectDto("1.3.6.1.2.1.2.2.1.10", "ifInOctets", "in_bps", "rate", 8)])]));

    private async Task<IReadOnlyList<Measurement>> MeasurementsAsync(long deviceId) =>
        await app.Services.GetRequiredService<IMeasurementStore>().ListAsync(TenantScope.All,
            new MeasurementQuery([deviceId], null, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1)), 10_000, default);

    [Fact]
    public async Task Polled_values_land_as_parameters_and_measurements_and_counters_become_rates()
    {
        using var snmpd = new SnmpdAgent(); // its own agent port, so its own device identity
        var admin = await app.AdminAsync();
        await EngineAsync(admin);
        var (op, _, _) = await app.TenantUserAsync("operator");
        await FastProfileAsync(op, "fast");
        var d = (await op.CreateSnmpDeviceAsync(new CreateSnmpDeviceRequest("127.0.0.1", "2c", snmpd.Port, "public", Profiles: ["fast", "host-resources", "mib2-system"]))).Device;

        var parameters = await Eventually.GetAsync(() => op.ListParametersAsync(d.Id), ps => ps.Any(p => p.Path == SysName) && ps.Any(p => p.Path == "1.3.6.1.2.1.2.2.1.2.1"), "sysName and ifDescr.1 as parameters");
        Assert.Equal(("qdms-snmp-peer", "string"), parameters.Where(p => p.Path == SysName).Select(p => (p.Value, p.Type)).Single());
        Assert.Equal("lo", parameters.Single(p => p.Path == "1.3.6.1.2.1.2.2.1.2.1").Value);
        Assert.Equal("counter32", parameters.Single(p => p.Path == "1.3.6.1.2.1.2.2.1.10.1").Type);

        // a rate needs two readings: the second poll of the 1 s profile gives snmp.if.1.in_bps (our own SNMP traffic runs on lo).
        // (cpu_total_load needs hrProcessorLoad, which snmpd only fills after its first minute: HostResourcesTests covers it.)
        var metrics = await Eventually.GetAsync(() => MeasurementsAsync(d.Id),
            ms => ms.Any(m => m.Metric == "snmp.if.1.in_bps" && m.Current > 0) && ms.Any(m => m.Metric == "memory_used"),
            "in_bps and memory_used measurements", describe: ms => string.Join(", ", ms.Select(m => m.Metric).Distinct()));
        Assert.All(metrics.Where(m => m.Metric == "snmp.if.1.in_bps"), m => Assert.True(m.Current >= 0, $"in_bps {m.Current}")); // snmpd caches counters a few seconds: 0 is a rate too
        Assert.All(metrics.Where(m => m.Metric == "memory_used" || m.Metric.EndsWith(".used_percent", StringComparison.Ordinal)), m => Assert.InRange(m.Current!.Value, 0, 100));
        var uptime = metrics.Where(m => m.Metric == "snmp.sysUpTime").Select(m => m.Current!.Value).ToList();
        Assert.NotEmpty(uptime);
        Assert.All(uptime, u => Assert.True(u > 0 && u < 86_400, $"uptime {u} s")); // TimeTicks scaled to seconds

        var device = await op.GetDeviceAsync(d.Id);
        Assert.Equal("online", device.Status);
        Assert.NotNull(device.LastContactAt);
    }

    [Fact]
    public async Task Get_set_and_refresh_tasks_run_against_the_agent_and_snmp_errors_become_faults()
    {
        using var snmpd = new SnmpdAgent(); // its own agent port, so its own device identity
        var admin = await app.AdminAsync();
        await EngineAsync(admin);
        var (op, _, _) = await app.TenantUserAsync("operator");
        var rw = (await op.CreateSnmpDeviceAsync(new CreateSnmpDeviceRequest("127.0.0.1", "2c", snmpd.Port, "private", Name: "rw"))).Device;

        var contact = "ops-" + Guid.NewGuid().ToString("N")[..8];
        var set = await RunAsync(op, rw.Id, "set", new { values = new Dictionary<string, object> { [SysContact] = contact } });
        Assert.Equal("done", set.Status);
        var get = await RunAsync(op, rw.Id, "get", new { paths = new[] { SysContact, SysName, "1.3.6.1.2.1.1.99.0" } });
        Assert.Equal("done", get.Status);
        var values = get.Result!.Value.GetProperty("values");
        Assert.Equal(contact, values.GetProperty(SysContact).GetProperty("value").GetString());
        Assert.Equal("noSuchObject", values.GetProperty("1.3.6.1.2.1.1.99.0").GetProperty("type").GetString());
        Assert.Equal(contact, SnmpdAgent.Tool("snmpget", "-v2c", "-c", "public", "-Oqv", $"127.0.0.1:{snmpd.Port}", SysContact).Trim().Trim('"'));

        var refresh = await RunAsync(op, rw.Id, "refresh", new { path = "1.3.6.1.2.1.1" });
        Assert.Equal("done", refresh.Status);
        var walked = refresh.Result!.Value.GetProperty("count").GetInt32();
        var netSnmp = SnmpdAgent.Tool("snmpbulkwalk", "-v2c", "-c", "public", "-On", $"127.0.0.1:{snmpd.Port}", "1.3.6.1.2.1.1").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.Equal(netSnmp, walked);
        var parameters = await op.ListParametersAsync(rw.Id, "1.3.6.1.2.1.1.");
        Assert.True(parameters.Count >= walked, $"{parameters.Count} parameters after a walk of {walked}");
        Assert.Equal(contact, parameters.Single(p => p.Path == SysContact).Value);

        var badArgs = await RunAsync(op, rw.Id, "get", new { paths = new[] { "not-an-oid" } });
        Assert.Equal(("failed", "invalid-arguments"), (badArgs.Status, badArgs.FaultCode));
        var reboot = await RunAsync(op, rw.Id, "reboot", null);
        Assert.Equal(("failed", "unsupported"), (reboot.Status, reboot.FaultCode));

        // the read-only community: the agent refuses the set, and the fault carries the RFC 3416 error-status name
        await op.PutSnmpSettingsAsync(rw.Id, new SnmpSettingsRequest(Community: "public"));
        var denied = await RunAsync(op, rw.Id, "set", new { values = new Dictionary<string, object> { [SysContact] = "x" } });
        Assert.Equal(("failed", "noAccess"), (denied.Status, denied.FaultCode));
        Assert.Contains(SysContact, denied.FaultMessage, StringComparison.Ordinal);

        // nothing answers: a timeout fault
        await op.PutSnmpSettingsAsync(rw.Id, new SnmpSettingsRequest(Port: SnmpdAgent.DeadPort()));
        var silent = await RunAsync(op, rw.Id, "get", new { paths = new[] { SysName } });
        Assert.Equal(("failed", "timeout"), (silent.Status, silent.FaultCode));
    }

    [Fact]
    public async Task An_SNMPv3_authPriv_device_is_polled_and_a_wrong_key_is_a_precise_fault()
    {
        using var snmpd = new SnmpdAgent();
        var admin = await app.AdminAsync();
        await EngineAsync(admin);
        var (op, _, _) = await app.TenantUserAsync("operator");
        await FastProfileAsync(op, "fast");
        var user = new SnmpUserRequest("sha256aes256", "sha256", "authpass-sha256aes256", "aes256", "privpass-sha256aes256");
        var d = (await op.CreateSnmpDeviceAsync(new CreateSnmpDeviceRequest("127.0.0.1", "3", snmpd.Port, User: user, Profiles: ["fast"]))).Device;

        var parameters = await Eventually.GetAsync(() => op.ListParametersAsync(d.Id), ps => ps.Any(p => p.Path == SysName), "sysName over SNMPv3");
        Assert.Equal("qdms-snmp-peer", parameters.Single(p => p.Path == SysName).Value);
        Assert.Equal("online", (await Eventually.GetAsync(() => op.GetDeviceAsync(d.Id), x => x.Status == "online", "online")).Status);

        await op.PutSnmpSettingsAsync(d.Id, new SnmpSettingsRequest(User: user with { PrivPassword = "privpass-wrong-one" }));
        var wrongPriv = await RunAsync(op, d.Id, "get", new { paths = new[] { SysName } });
        Assert.Equal(("failed", "decryptionError"), (wrongPriv.Status, wrongPriv.FaultCode));
        await op.PutSnmpSettingsAsync(d.Id, new SnmpSettingsRequest(User: user with { AuthPassword = "authpass-wrong-one" }));
        var wrongAuth = await RunAsync(op, d.Id, "get", new { paths = new[] { SysName } });
        Assert.Equal(("failed", "wrongDigest"), (wrongAuth.Status, wrongAuth.FaultCode));
        Assert.DoesNotContain("authpass", wrongAuth.FaultMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_device_that_stops_answering_is_marked_unreachable_and_online_again_when_it_answers_each_with_an_event()
    {
        using var snmpd = new SnmpdAgent(); // its own agent port, so its own device identity
        var admin = await app.AdminAsync();
        await EngineAsync(admin);
        var (op, _, _) = await app.TenantUserAsync("operator");
        await FastProfileAsync(op, "fast");
        // a wrong community: snmpd drops the request silently, exactly like a device that is down
        var d = (await op.CreateSnmpDeviceAsync(new CreateSnmpDeviceRequest("127.0.0.1", "2c", snmpd.Port, "wrong-community", Profiles: ["fast"]))).Device;

        await Eventually.GetAsync(() => op.GetDeviceAsync(d.Id), x => x.Status == "unreachable", "status unreachable");
        var down = await Eventually.GetAsync(() => op.ListEventsAsync(d.Id, source: "snmp"), p => p.Items.Any(e => e.Type == "unreachable"), "an unreachable event");
        Assert.Single(down.Items, e => e.Type == "unreachable"); // one event per transition, not one per failed poll
        Assert.Null((await op.GetDeviceAsync(d.Id)).LastContactAt);

        await op.PutSnmpSettingsAsync(d.Id, new SnmpSettingsRequest(Community: "public"));
        await Eventually.GetAsync(() => op.GetDeviceAsync(d.Id), x => x.Status == "online", "status online");
        var up = await Eventually.GetAsync(() => op.ListEventsAsync(d.Id, source: "snmp"), p => p.Items.Any(e => e.Type == "reachable"), "a reachable event");
        Assert.Equal("major", up.Items.Single(e => e.Type == "unreachable").Severity);
    }

    [Fact]
    public async Task Traps_and_informs_from_net_snmp_appear_as_events_matched_to_the_device_by_address()
    {
        var admin = await app.AdminAsync();
        var trapPort = await EngineAsync(admin);
        var to = $"127.0.0.1:{trapPort}";
        var marker = Guid.NewGuid().ToString("N")[..12];

        SnmpdAgent.Tool("snmptrap", "-v1", "-c", "public", to, "1.3.6.1.4.1.8072.2.3", "127.0.0.1", "6", "17", "", "1.3.6.1.4.1.8072.2.3.2.1", "s", "v1-" + marker);
        SnmpdAgent.Tool("snmptrap", "-v2c", "-c", "public", to, "", "1.3.6.1.6.3.1.1.5.3", "1.3.6.1.2.1.2.2.1.1.1", "i", "1", "1.3.6.1.2.1.1.5.0", "s", "v2c-" + marker);
        SnmpdAgent.Tool("snmpinform", "-v2c", "-c", "public", "-t", "2", "-r", "1", to, "", "1.3.6.1.6.3.1.1.5.4", "1.3.6.1.2.1.1.5.0", "s", "inform-" + marker);
        SnmpdAgent.Tool("snmptrap", "-v3", "-u", "sha256aes256", "-l", "authPriv", "-a", "SHA-256", "-A", "authpass-sha256aes256", "-x", "AES-256", "-X", "privpass-sha256aes256",
            "-e", "0x8000000001020304", to, "", "1.3.6.1.6.3.1.1.5.1", "1.3.6.1.2.1.1.5.0", "s", "v3trap-" + marker);
        SnmpdAgent.Tool("snmpinform", "-v3", "-u", "sha256aes256", "-l", "authPriv", "-a", "SHA-256", "-A", "authpass-sha256aes256", "-x", "AES-256", "-X", "privpass-sha256aes256",
            "-t", "2", "-r", "1", to, "", "1.3.6.1.6.3.1.1.5.2", "1.3.6.1.2.1.1.5.0", "s", "v3inform-" + marker);
        // a source no device has (127.0.0.2): recorded without a device, not dropped
        SnmpdAgent.Tool("snmptrap", "-v2c", "-c", "public", "--clientaddr=127.0.0.2", to, "", "1.3.6.1.6.3.1.1.5.1", "1.3.6.1.2.1.1.5.0", "s", "stranger-" + marker);

        var events = await Eventually.GetAsync(() => admin.ListEventsAsync(source: "snmp", size: 200),
            p => p.Items.Count(e => (e.Data?.GetRawText() ?? "").Contains(marker, StringComparison.Ordinal)) >= 6, "six notifications as events");
        var mine = events.Items.Where(e => (e.Data?.GetRawText() ?? "").Contains(marker, StringComparison.Ordinal)).ToDictionary(e => Value(e));

        var v1 = mine["v1-" + marker];
        Assert.Equal(("trap", "1"), (v1.Type, v1.Data!.Value.GetProperty("version").GetString()));
        Assert.Equal("1.3.6.1.4.1.8072.2.3.0.17", v1.Data.Value.GetProperty("trapOid").GetString()); // RFC 3584 §3.1 translation
        var linkDown = mine["v2c-" + marker];
        Assert.Equal(("trap", "warning", "linkDown"), (linkDown.Type, linkDown.Severity, linkDown.Data!.Value.GetProperty("trapName").GetString()));
        Assert.Equal("inform", mine["inform-" + marker].Type);
        Assert.Equal(("trap", "3", "sha256aes256"), (mine["v3trap-" + marker].Type, mine["v3trap-" + marker].Data!.Value.GetProperty("version").GetString(), mine["v3trap-" + marker].Data!.Value.GetProperty("user").GetString()));
        Assert.Equal("inform", mine["v3inform-" + marker].Type);
        Assert.DoesNotContain("public", mine["v2c-" + marker].Data!.Value.GetRawText(), StringComparison.Ordinal); // the community is not kept

        var stranger = mine["stranger-" + marker];
        Assert.Equal(((long?)null, (long?)null), (stranger.DeviceId, stranger.TenantId));
        Assert.StartsWith("udp:127.0.0.2:", stranger.Origin, StringComparison.Ordinal);

        // the others came from 127.0.0.1: matched to a device there if the test class has one, else unknown too
        var devices = await admin.ListDevicesAsync(q: "127.0.0.1:", size: 500);
        if (devices.Total > 0)
        {
            Assert.All(new[] { v1, linkDown, mine["v3inform-" + marker] }, e => Assert.NotNull(e.DeviceId));
        }
    }

    private static string Value(DeviceEventDto e) =>
        e.Data!.Value.GetProperty("varbinds").EnumerateArray().Select(v => v.GetProperty("value").GetString() ?? "").First(v => v.Length > 0 && v.Contains('-', StringComparison.Ordinal));

    private static async Task<DeviceTaskDto> RunAsync(QdmsClient client, long deviceId, string kind, object? arguments)
    {
        JsonElement? args = arguments is null ? null : JsonSerializer.SerializeToElement(arguments);
        var task = await client.CreateTaskAsync(deviceId, new CreateTaskRequest(kind, args));
        return await Eventually.GetAsync(() => client.GetTaskAsync(task.Id), t => t.Status is "done" or "failed", $"{kind} task {task.Id} to end");
    }
}

public sealed class SqliteSnmpEngineTests(SqliteApp app) : SnmpEngineTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSnmpEngineTests(PostgresApp app) : SnmpEngineTests(app), IClassFixture<PostgresApp>;
