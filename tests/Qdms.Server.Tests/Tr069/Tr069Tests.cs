using System.Text;
using Qdms.Server.Tests.Files;
using Qdms.Server.Tests.Support;
using Qdms.Tools.CpeSim;

namespace Qdms.Server.Tests.Tr069;

/// <summary>The tr069 engine for real on loopback, driven by the CPE simulator; results read back through the API.</summary>
public abstract class Tr069Tests(QdmsAppFactory app)
{
    [Fact]
    public async Task A_bootstrapping_cpe_is_in_the_inventory_with_its_parameters_and_a_bootstrap_event()
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        var cpe = acs.Cpe();

        var outcomes = await cpe.BootAsync(default);

        Assert.True(Assert.Single(outcomes).Completed, outcomes[0].Error);
        var device = await acs.DeviceOfAsync(cpe);
        Assert.Equal(("QDMS Simulated Devices", "SimGW", cpe.Serial, "1.0.0"), (device.Manufacturer, device.Model, device.Serial, device.FirmwareVersion));
        Assert.Equal("127.0.0.1", device.Address);
        Assert.Contains(device.Identities, i => i.Protocol == "tr069" && i.Key == $"00D09E-SimGW-{cpe.Serial}");
        var parameters = await acs.Admin.ListParametersAsync(device.Id);
        Assert.Equal($"http://192.0.2.1:7548/{cpe.Serial}", Assert.Single(parameters, p => p.Path == "Device.ManagementServer.ConnectionRequestURL").Value);
        Assert.Equal("HW-1.0", Assert.Single(parameters, p => p.Path == "Device.DeviceInfo.HardwareVersion").Value);
        var events = await acs.Admin.ListEventsAsync(deviceId: device.Id);
        Assert.Equal(["0 BOOTSTRAP", "1 BOOT"], events.Items.Select(e => e.Type).Order(StringComparer.Ordinal));
        Assert.All(events.Items, e => Assert.Equal("tr069", e.Source));

        Assert.True(Assert.Single(await cpe.PeriodicInformAsync(default)).Completed);
        Assert.Equal(1, (await acs.Admin.ListDevicesAsync(q: cpe.Serial)).Total); // the same device again, not a new one
        Assert.Contains((await acs.Admin.ListEventsAsync(deviceId: device.Id)).Items, e => e.Type == "2 PERIODIC");
    }

    [Fact]
    public async Task Get_set_add_and_delete_tasks_run_at_the_next_session_and_complete_with_results()
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        var cpe = acs.Cpe();
        await cpe.BootAsync(default);
        var device = await acs.DeviceOfAsync(cpe);

        var set = await acs.TaskAsync(device, "set", new { values = new Dictionary<string, object> { ["Device.WiFi.SSID.1.SSID"] = "garden", ["Device.ManagementServer.PeriodicInformInterval"] = 600 } });
        var add = await acs.TaskAsync(device, "add-object", new { path = "Device.WiFi.SSID." });
        var delete = await acs.TaskAsync(device, "delete-object", new { path = "Device.WiFi.SSID.1." });
        var get = await acs.TaskAsync(device, "get", new { paths = new[] { "Device.WiFi.", "Device.ManagementServer.PeriodicInformInterval" } });
        Assert.Equal("queued", get.Status);

        Assert.True(Assert.Single(await cpe.PeriodicInformAsync(default)).Completed);

        Assert.Equal(["SetParameterValues", "AddObject", "DeleteObject", "GetParameterValues"], cpe.Served);
        Assert.Equal("done", (await acs.Admin.GetTaskAsync(set.Id)).Status);
        var added = await acs.Admin.GetTaskAsync(add.Id);
        Assert.Equal(("done", 2u), (added.Status, added.Result!.Value.GetProperty("instanceNumber").GetUInt32()));
        Assert.Equal("done", (await acs.Admin.GetTaskAsync(delete.Id)).Status);
        var got = await acs.Admin.GetTaskAsync(get.Id);
        Assert.Equal("done", got.Status);
        Assert.Equal("600", got.Result!.Value.GetProperty("values").GetProperty("Device.ManagementServer.PeriodicInformInterval").GetString());
        Assert.False(got.Result.Value.GetProperty("values").TryGetProperty("Device.WiFi.SSID.1.SSID", out _)); // deleted before the get

        Assert.Equal("600", cpe.Model.ValueOf("Device.ManagementServer.PeriodicInformInterval"));
        var parameters = await acs.Admin.ListParametersAsync(device.Id, "Device.WiFi.SSID.");
        Assert.Contains(parameters, p => p.Path == "Device.WiFi.SSID.2.SSID");
        Assert.Equal("unsignedInt", Assert.Single(await acs.Admin.ListParametersAsync(device.Id, "Device.ManagementServer.PeriodicInformInterval")).Type);
    }

    [Fact]
    public async Task A_refresh_stores_a_subtrees_values_with_their_writable_flags()
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        var cpe = acs.Cpe();
        await cpe.BootAsync(default);
        var device = await acs.DeviceOfAsync(cpe);

        var refresh = await acs.TaskAsync(device, "refresh", new { path = "Device.WiFi." });
        Assert.True(Assert.Single(await cpe.PeriodicInformAsync(default)).Completed);

        Assert.Equal(["GetParameterNames", "GetParameterValues"], cpe.Served);
        var task = await acs.Admin.GetTaskAsync(refresh.Id);
        Assert.Equal("done", task.Status);
        Assert.Equal($"sim-{cpe.Serial}", task.Result!.Value.GetProperty("values").GetProperty("Device.WiFi.SSID.1.SSID").GetString());
        var stored = await acs.Admin.ListParametersAsync(device.Id, "Device.WiFi.");
        Assert.Equal(
            [("Device.WiFi.SSID.1.Enable", true), ("Device.WiFi.SSID.1.SSID", true), ("Device.WiFi.SSID.1.Status", false), ("Device.WiFi.SSIDNumberOfEntries", false)],
            stored.Select(p => (p.Path, p.Writable)));
        Assert.Equal("boolean", stored[0].Type);
    }

    [Fact]
    public async Task Tasks_the_cpe_refuses_fail_with_its_fault_code_and_text()
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        var cpe = acs.Cpe();
        await cpe.BootAsync(default);
        var device = await acs.DeviceOfAsync(cpe);

        var badSet = await acs.TaskAsync(device, "set", new { values = new Dictionary<string, object> { ["Device.Nope.X"] = "1", ["Device.ManagementServer.PeriodicInformInterval"] = "often" } });
        var badGet = await acs.TaskAsync(device, "get", new { path = "Device.Nothing.Here" });
        var badDelete = await acs.TaskAsync(device, "delete-object", new { path = "Device.WiFi.SSID.9." });
        var good = await acs.TaskAsync(device, "get", new { path = "Device.DeviceInfo.SoftwareVersion" });

        Assert.True(Assert.Single(await cpe.PeriodicInformAsync(default)).Completed);

        var set = await acs.Admin.GetTaskAsync(badSet.Id);
        Assert.Equal(("failed", "9003"), (set.Status, set.FaultCode));
        Assert.Contains("Device.Nope.X: 9005", set.FaultMessage, StringComparison.Ordinal);
        Assert.Contains("Device.ManagementServer.PeriodicInformInterval: 9007", set.FaultMessage, StringComparison.Ordinal);
        Assert.Equal("300", cpe.Model.ValueOf("Device.ManagementServer.PeriodicInformInterval")); // all or nothing
        Assert.Equal(("failed", "9005"), ((await acs.Admin.GetTaskAsync(badGet.Id)).Status, (await acs.Admin.GetTaskAsync(badGet.Id)).FaultCode));
        Assert.Equal("9005", (await acs.Admin.GetTaskAsync(badDelete.Id)).FaultCode);
        Assert.Equal("done", (await acs.Admin.GetTaskAsync(good.Id)).Status); // later tasks still run
    }

    [Fact]
    public async Task Reboot_and_factory_reset_complete_and_the_cpe_comes_back_with_their_events()
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        var cpe = acs.Cpe();
        await cpe.BootAsync(default);
        var device = await acs.DeviceOfAsync(cpe);

        var reboot = await acs.TaskAsync(device, "reboot");
        var outcomes = await cpe.PeriodicInformAsync(default);

        Assert.Equal(2, outcomes.Count);
        Assert.All(outcomes, o => Assert.True(o.Completed, o.Error));
        Assert.Equal("done", (await acs.Admin.GetTaskAsync(reboot.Id)).Status);
        var events = (await acs.Admin.ListEventsAsync(deviceId: device.Id, size: 100)).Items;
        var mReboot = Assert.Single(events, e => e.Type == "M Reboot");
        Assert.Equal($"task-{reboot.Id}", mReboot.Data!.Value.GetProperty("commandKey").GetString());
        Assert.Equal(2, events.Count(e => e.Type == "1 BOOT"));

        await acs.TaskAsync(device, "set", new { values = new Dictionary<string, object> { ["Device.WiFi.SSID.1.SSID"] = "changed" } });
        await cpe.PeriodicInformAsync(default);
        Assert.Equal("changed", cpe.Model.ValueOf("Device.WiFi.SSID.1.SSID"));
        var reset = await acs.TaskAsync(device, "factory-reset");
        outcomes = await cpe.PeriodicInformAsync(default);

        Assert.All(outcomes, o => Assert.True(o.Completed, o.Error));
        Assert.Equal("done", (await acs.Admin.GetTaskAsync(reset.Id)).Status);
        Assert.Equal($"sim-{cpe.Serial}", cpe.Model.ValueOf("Device.WiFi.SSID.1.SSID"));
        Assert.Equal(["0 BOOTSTRAP", "1 BOOT"], cpe.Informs.Last());
        Assert.Equal(2, (await acs.Admin.ListEventsAsync(deviceId: device.Id, type: "0 BOOTSTRAP")).Items.Count);
    }

    [Fact]
    public async Task A_download_task_fetches_the_registered_file_and_transfer_complete_closes_it()
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        var cpe = acs.Cpe();
        await cpe.BootAsync(default);
        var device = await acs.DeviceOfAsync(cpe);
        var content = FileUploads.Bytes(70_000, seed: 11);
        var file = await FileUploads.RegisterAsync(acs.Admin, content, FileUploads.Request("fw-" + cpe.Serial + ".bin"));

        var download = await acs.TaskAsync(device, "download", new { fileId = file.Id });
        var outcomes = await cpe.PeriodicInformAsync(default);

        Assert.Equal(2, outcomes.Count);
        Assert.All(outcomes, o => Assert.True(o.Completed, o.Error));
        var (url, bytes) = Assert.Single(cpe.Downloads);
        Assert.Equal(content, bytes);
        Assert.Contains($"/files/{file.Id}/", url.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("token=qdl_", url.Query, StringComparison.Ordinal);
        var task = await acs.Admin.GetTaskAsync(download.Id);
        Assert.Equal("done", task.Status);
        Assert.True(task.Result!.Value.TryGetProperty("completeTime", out _));
        Assert.Contains(["7 TRANSFER COMPLETE", "M Download"], c => cpe.Informs.Last().Contains(c));
    }

    [Fact]
    public async Task A_download_of_another_tenants_file_fails_without_reaching_the_cpe()
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        var cpe = acs.Cpe();
        await cpe.BootAsync(default);
        var device = await acs.DeviceOfAsync(cpe);
        var (other, _, _) = await app.TenantUserAsync("admin");
        var file = await FileUploads.RegisterAsync(other, FileUploads.Bytes(1000), FileUploads.Request("other-" + cpe.Serial + ".bin"));

        var download = await acs.TaskAsync(device, "download", new { fileId = file.Id });
        await cpe.PeriodicInformAsync(default);

        var task = await acs.Admin.GetTaskAsync(download.Id);
        Assert.Equal(("failed", "arguments"), (task.Status, task.FaultCode));
        Assert.Empty(cpe.Served);
        Assert.Empty(cpe.Downloads);
    }

    [Fact]
    public async Task A_download_the_cpe_cannot_fetch_fails_with_its_transfer_fault()
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        var cpe = acs.Cpe();
        await cpe.BootAsync(default);
        var device = await acs.DeviceOfAsync(cpe);

        var download = await acs.TaskAsync(device, "download", new { url = "http://localhost/files/999999/missing.bin?token=qdl_nothing" });
        await cpe.PeriodicInformAsync(default);

        var task = await acs.Admin.GetTaskAsync(download.Id);
        Assert.Equal(("failed", "9010"), (task.Status, task.FaultCode));
        Assert.Contains("401", task.FaultMessage, StringComparison.Ordinal);
    }
}

public sealed class SqliteTr069Tests(SqliteApp app) : Tr069Tests(app), IClassFixture<SqliteApp>;

public sealed class PostgresTr069Tests(PostgresApp app) : Tr069Tests(app), IClassFixture<PostgresApp>;
