using Microsoft.Extensions.DependencyInjection;
using Qdms.Core.Devices;
using Qdms.Server.Tests.Support;

namespace Qdms.Server.Tests.Cli;

/// <summary><c>qdms devices …</c> and <c>qdms tasks …</c> against a real server.</summary>
public sealed class DeviceCliTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Header = "identities,name,manufacturer,model,serial,firmwareVersion,address,provisionGroup,updateGroup,tags";

    [Fact]
    public async Task Devices_are_added_listed_with_filters_shown_with_parameters_changed_and_removed()
    {
        using var cli = await CliSignIn.TenantUserAsync(app);
        var u = DevicesTests.Unique();
        var lobby = await cli.JsonAsync("devices", "add", "--identity", $"tr069:00259E-{u}", "--identity", $"snmp:10.1.{u}", "--name", "Lobby router",
            "--model", "HG8245H", "--tags", "lab;north", "--provision-group", "fiber");
        var id = lobby.GetProperty("id").GetInt64();
        Assert.Equal(["lab", "north"], lobby.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(2, lobby.GetProperty("identities").GetArrayLength());
        await cli.OkAsync("devices", "add", "--identity", $"mqtt:sensor-{u}", "--name", "Cellar sensor", "--tags", "other");

        Assert.Equal(2, (await cli.JsonAsync("devices", "list")).GetProperty("total").GetInt64());
        Assert.Equal([id], (await cli.JsonAsync("devices", "list", "--tag", "lab")).GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetInt64()));
        Assert.Equal([id], (await cli.JsonAsync("devices", "list", "--protocol", "tr069")).GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetInt64()));
        Assert.Equal([id], (await cli.JsonAsync("devices", "list", "--group", "fiber")).GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetInt64()));
        var table = await cli.OkAsync("devices", "list", "--q", "cellar");
        Assert.Contains("Cellar sensor", table, StringComparison.Ordinal);
        Assert.Contains($"mqtt:sensor-{u}", table, StringComparison.Ordinal);
        Assert.DoesNotContain("Lobby router", table, StringComparison.Ordinal);
        Assert.Contains("page 1, 1 of 1", table, StringComparison.Ordinal);

        var now = DateTimeOffset.UtcNow;
        await app.Services.GetRequiredService<IDeviceParameterStore>().UpsertAsync(id,
        [
            new DeviceParameter(id, "Device.WiFi.SSID.1.SSID", "home-net", "string", true, now),
            new DeviceParameter(id, "Device.DeviceInfo.UpTime", "4242", "unsignedInt", false, now),
        ], default);
        var shown = await cli.OkAsync("devices", "show", id.Text());
        Assert.Contains("Lobby router", shown, StringComparison.Ordinal);
        Assert.Contains($"00259E-{u}", shown, StringComparison.Ordinal);
        Assert.Matches(@"Device\.WiFi\.SSID\.1\.SSID\s*│\s*home-net\s*│\s*string\s*│\s*yes", shown);
        Assert.Matches(@"Device\.DeviceInfo\.UpTime\s*│\s*4242\s*│\s*unsignedInt\s*│\s*no", shown);
        var wifiOnly = await cli.JsonAsync("devices", "show", id.Text(), "--prefix", "Device.WiFi.");
        Assert.Equal(["Device.WiFi.SSID.1.SSID"], wifiOnly.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("path").GetString()));
        Assert.Equal("Lobby router", wifiOnly.GetProperty("device").GetProperty("name").GetString());

        var (exit, output) = await cli.RunAsync("devices", "set", id.Text(), "--name", "Lobby", "--update-group", "wave-1", "--username", "cpe", "--password", "cpe-secret-1", "--json");
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("cpe-secret-1", output, StringComparison.Ordinal);
        var changed = await cli.JsonAsync("devices", "show", id.Text());
        Assert.Equal(("Lobby", "wave-1", "fiber", "cpe"), (changed.GetProperty("device").GetProperty("name").GetString(), changed.GetProperty("device").GetProperty("updateGroup").GetString(),
            changed.GetProperty("device").GetProperty("provisionGroup").GetString(), changed.GetProperty("device").GetProperty("credentialsUsername").GetString()));
        await cli.OkAsync("devices", "set", id.Text(), "--provision-group", "", "--remove-credentials");
        changed = (await cli.JsonAsync("devices", "show", id.Text())).GetProperty("device");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, changed.GetProperty("provisionGroup").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, changed.GetProperty("credentialsUsername").ValueKind);

        Assert.Contains($"Device {id} deleted.", await cli.OkAsync("devices", "remove", id.Text()), StringComparison.Ordinal);
        (exit, output) = await cli.RunAsync("devices", "show", id.Text());
        Assert.Equal(1, exit);
        Assert.Contains("HTTP 404", output, StringComparison.Ordinal);
        Assert.Equal(1, (await cli.JsonAsync("devices", "list")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task A_bad_identity_is_a_one_line_error_before_anything_is_sent()
    {
        using var cli = await CliSignIn.TenantUserAsync(app);
        var (exit, output) = await cli.RunAsync("devices", "add", "--identity", "no-protocol-here");
        Assert.Equal(1, exit);
        Assert.Contains("--identity 'no-protocol-here' must be protocol:key", output, StringComparison.Ordinal);
        Assert.Equal(0, (await cli.JsonAsync("devices", "list")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task A_csv_file_imported_and_exported_round_trips_its_content()
    {
        using var cli = await CliSignIn.TenantUserAsync(app);
        using var dir = new Qdms.Testing.TempDirectory("qdms-cli-csv");
        var u = DevicesTests.Unique();
        var source = Path.Combine(dir.Path, "devices.csv");
        await File.WriteAllTextAsync(source, Header + "\r\n"
            + $"tr069:00259E-{u};snmp:10.2.{u},\"Lobby, \"\"west\"\" wing\",Huawei,HG8245H,SN{u},V3R017,192.0.2.1,fiber,wave-1,lab;north\r\n"
            + $"mqtt:sensor-{u},Cellar,Acme,S1,,,,,,\r\n");

        Assert.Contains("Imported: 2 created, 0 updated.", await cli.OkAsync("devices", "import", source), StringComparison.Ordinal);
        var exported = Path.Combine(dir.Path, "export.csv");
        Assert.Contains("Devices written to", await cli.OkAsync("devices", "export", exported), StringComparison.Ordinal);
        var first = await File.ReadAllTextAsync(exported);
        Assert.StartsWith(Header, first, StringComparison.Ordinal);
        Assert.Contains("\"Lobby, \"\"west\"\" wing\"", first, StringComparison.Ordinal);
        Assert.Equal(3, first.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal([exported], Directory.GetFiles(dir.Path, "export*"));

        Assert.Equal(first, await cli.OkAsync("devices", "export"));
        var filtered = await cli.OkAsync("devices", "export", "--tag", "lab");
        Assert.Contains($"00259E-{u}", filtered, StringComparison.Ordinal);
        Assert.DoesNotContain($"sensor-{u}", filtered, StringComparison.Ordinal);

        foreach (var d in (await cli.JsonAsync("devices", "list")).GetProperty("items").EnumerateArray())
        {
            await cli.OkAsync("devices", "remove", d.GetProperty("id").GetInt64().Text());
        }

        var again = await cli.JsonAsync("devices", "import", exported);
        Assert.Equal((2, 0), (again.GetProperty("created").GetInt32(), again.GetProperty("updated").GetInt32()));
        await cli.OkAsync("devices", "export", exported);
        Assert.Equal(first, await File.ReadAllTextAsync(exported));

        Assert.Contains("Imported: 0 created, 2 updated.", await cli.OkAsync("devices", "import", exported), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_csv_prints_the_servers_line_and_column_exits_non_zero_and_imports_nothing()
    {
        using var cli = await CliSignIn.TenantUserAsync(app);
        using var dir = new Qdms.Testing.TempDirectory("qdms-cli-csv");
        var u = DevicesTests.Unique();
        var bad = Path.Combine(dir.Path, "bad.csv");
        await File.WriteAllTextAsync(bad, $"identities,name,tags\ntr069:a-{u},good,\ntr069:b-{u},also good,ok;fine\ntr069:c-{u},bad,\"has space\"\n");

        var (exit, output) = await cli.RunAsync("devices", "import", bad);
        Assert.Equal(1, exit);
        Assert.Contains("Line 4, column 3 (tags)", output, StringComparison.Ordinal);
        Assert.Contains("HTTP 400", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.Equal(0, (await cli.JsonAsync("devices", "list")).GetProperty("total").GetInt64());

        (exit, output) = await cli.RunAsync("devices", "import", Path.Combine(dir.Path, "missing.csv"));
        Assert.Equal(1, exit);
        Assert.Contains("No such file", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tasks_are_created_shown_and_listed()
    {
        using var cli = await CliSignIn.TenantUserAsync(app, "operator");
        var device = (await cli.JsonAsync("devices", "add", "--identity", $"tr069:task-{DevicesTests.Unique()}")).GetProperty("id").GetInt64();

        var set = (await cli.JsonAsync("tasks", "create", device.Text(), "set", "--args", """{"values":{"Device.ManagementServer.PeriodicInformInterval":"300"}}""",
            "--expires-in", "600"))[0];
        var setId = set.GetProperty("id").GetInt64();
        Assert.Equal(("set", "queued"), (set.GetProperty("kind").GetString(), set.GetProperty("status").GetString()));
        Assert.Equal("300", set.GetProperty("arguments").GetProperty("values").GetProperty("Device.ManagementServer.PeriodicInformInterval").GetString());
        var reboot = await cli.OkAsync("tasks", "create", device.Text(), "reboot");
        Assert.Matches(@"│\s*reboot\s*│\s*queued\s*│", reboot);

        var shown = await cli.OkAsync("tasks", "show", setId.Text());
        Assert.Contains("PeriodicInformInterval", shown, StringComparison.Ordinal);
        Assert.Matches($@"│\s*{setId}\s*│\s*{device}\s*│\s*set\s*│\s*queued", shown);

        await app.Services.GetRequiredService<IDeviceTaskStore>().MarkDoneAsync(setId, """{"applied":true}""", DateTimeOffset.UtcNow, default);
        Assert.Contains("""{"applied":true}""", await cli.OkAsync("tasks", "show", setId.Text()), StringComparison.Ordinal);

        var all = await cli.JsonAsync("tasks", "list", device.Text());
        Assert.Equal(["reboot", "set"], all.EnumerateArray().Select(t => t.GetProperty("kind").GetString()));
        var done = await cli.JsonAsync("tasks", "list", device.Text(), "--status", "done");
        Assert.Equal([setId], done.EnumerateArray().Select(t => t.GetProperty("id").GetInt64()));

        var (exit, output) = await cli.RunAsync("tasks", "create", device.Text(), "reboot", "--args", "{not json");
        Assert.Equal(1, exit);
        Assert.Contains("--args is not valid JSON", output, StringComparison.Ordinal);
        (exit, output) = await cli.RunAsync("tasks", "create", device.Text(), "explode");
        Assert.Equal(1, exit);
        Assert.Contains("unknown task kind 'explode'", output, StringComparison.Ordinal);
        Assert.Equal(2, (await cli.JsonAsync("tasks", "list", device.Text())).GetArrayLength());
    }

    [Fact]
    public async Task Help_renders_for_devices_and_tasks()
    {
        using var offline = new OfflineCli();
        await offline.AssertHelpAsync("devices", "list", "show", "add", "set", "remove", "import", "export");
        await offline.AssertHelpAsync("tasks", "create", "show", "list");
    }

    [Fact]
    public async Task Every_device_and_task_command_prints_one_line_when_the_server_is_unreachable()
    {
        using var offline = new OfflineCli();
        using var dir = new Qdms.Testing.TempDirectory("qdms-cli-offline");
        var csv = Path.Combine(dir.Path, "in.csv");
        await File.WriteAllTextAsync(csv, "identities\ntr069:x\n");
        var exported = Path.Combine(dir.Path, "out.csv");

        await offline.AssertUnreachableAsync("devices", "list");
        await offline.AssertUnreachableAsync("devices", "show", "1");
        await offline.AssertUnreachableAsync("devices", "add", "--identity", "tr069:x");
        await offline.AssertUnreachableAsync("devices", "set", "1", "--name", "x");
        await offline.AssertUnreachableAsync("devices", "remove", "1");
        await offline.AssertUnreachableAsync("devices", "import", csv);
        await offline.AssertUnreachableAsync("devices", "export");
        await offline.AssertUnreachableAsync("devices", "export", exported);
        Assert.Equal([csv], Directory.GetFiles(dir.Path)); // no half-written export left behind
        await offline.AssertUnreachableAsync("tasks", "create", "1", "reboot");
        await offline.AssertUnreachableAsync("tasks", "show", "1");
        await offline.AssertUnreachableAsync("tasks", "list", "1");

        await offline.AssertNotQdmsAsync("devices", "list");
        await offline.AssertNotQdmsAsync("devices", "show", "1");
        await offline.AssertNotQdmsAsync("devices", "import", csv);
        await offline.AssertNotQdmsAsync("tasks", "show", "1");
    }

    [Fact]
    public async Task An_export_that_cannot_be_written_is_one_line_and_leaves_no_part_file()
    {
        using var cli = await CliSignIn.TenantUserAsync(app);
        await cli.OkAsync("devices", "add", "--identity", $"tr069:exp-{DevicesTests.Unique()}");
        using var dir = new Qdms.Testing.TempDirectory("qdms-cli-csv");

        var missing = Path.Combine(dir.Path, "no-such-dir", "out.csv");
        var (exit, output) = await cli.RunAsync("devices", "export", missing);
        Assert.Equal(1, exit);
        Assert.Equal($"error: No such directory: {Path.GetDirectoryName(missing)}", output.Trim());

        var occupied = Directory.CreateDirectory(Path.Combine(dir.Path, "taken.csv")).FullName; // the target's name is a directory's
        (exit, output) = await cli.RunAsync("devices", "export", occupied);
        Assert.Equal(1, exit);
        Assert.StartsWith("error: ", Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_value_left_out_without_a_terminal_names_the_option_instead_of_prompting()
    {
        using var cli = await CliSignIn.TenantUserAsync(app);
        var id = (await cli.JsonAsync("devices", "add", "--identity", $"tr069:cred-{DevicesTests.Unique()}")).GetProperty("id").GetInt64();

        var (exit, output) = await cli.RunAsync("devices", "set", id.Text(), "--username", "cpe");
        Assert.Equal(1, exit);
        Assert.Equal("error: --password is required when there is no terminal to ask on.", output.Trim());
        Assert.Equal(System.Text.Json.JsonValueKind.Null,
            (await cli.JsonAsync("devices", "show", id.Text())).GetProperty("device").GetProperty("credentialsUsername").ValueKind);

        (exit, output) = await cli.RunAsync("users", "add", "nopass-" + DevicesTests.Unique());
        Assert.Equal(1, exit);
        Assert.Equal("error: --password is required when there is no terminal to ask on.", output.Trim());
        using var fresh = new CliRunner(app);
        (exit, output) = await fresh.RunAsync("login");
        Assert.Equal(1, exit);
        Assert.Equal("error: --user is required when there is no terminal to ask on.", output.Trim());
    }

    [Fact]
    public async Task A_server_url_that_is_not_http_is_one_line()
    {
        using var offline = new OfflineCli();
        foreach (var url in new[] { "not a url", "ftp://127.0.0.1/" })
        {
            var (exit, output) = await offline.RunRawAsync("devices", "list", "--server", url, "--token", "qdms_x");
            Assert.Equal(1, exit);
            Assert.Equal($"error: The server URL '{url}' is not an http:// or https:// URL (set it with --server, $QDMS_URL or `qdms login`).", output.Trim());
        }
    }
}
