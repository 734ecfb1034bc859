using System.Diagnostics;
using System.Net;
using Qdms.Contracts;
using Qdms.Protocols.Cwmp.Messages;
using Qdms.Server.Tests.Files;
using Qdms.Server.Tests.Support;

namespace Qdms.Server.Tests.Tr069;

/// <summary>
/// The task kinds that are one RPC each (schedule-inform, get-names, get/set-attributes, upload), the stored parameters
/// of deleted objects, the transfer timeout and writability learnt by `get`: the engine on loopback, driven by the simulator.
/// </summary>
public abstract class Tr069TaskKindTests(QdmsAppFactory app)
{
    [Fact]
    public async Task Schedule_inform_get_names_and_attribute_tasks_complete_with_the_cpes_answers()
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        var cpe = acs.Cpe();
        await cpe.BootAsync(default);
        var device = await acs.DeviceOfAsync(cpe);

        var schedule = await acs.TaskAsync(device, "schedule-inform", new { delaySeconds = 300, commandKey = "later" });
        var names = await acs.TaskAsync(device, "get-names", new { path = "Device.WiFi.SSID.1.", nextLevel = true });
        var set = await acs.TaskAsync(device, "set-attributes", new { attributes = new Dictionary<string, object> { ["Device.WiFi.SSID.1.SSID"] = new { notification = 2, accessList = new[] { "Subscriber" } } } });
        var get = await acs.TaskAsync(device, "get-attributes", new { paths = new[] { "Device.WiFi.SSID.1.SSID", "Device.WiFi.SSID.1.Status" } });
        Assert.True(Assert.Single(await cpe.PeriodicInformAsync(default)).Completed);

        Assert.Equal(["ScheduleInform", "GetParameterNames", "SetParameterAttributes", "GetParameterAttributes"], cpe.Served);
        Assert.Equal((300u, "later"), Assert.Single(cpe.ScheduledInforms));
        Assert.Equal("done", (await acs.Admin.GetTaskAsync(schedule.Id)).Status);
        var named = (await acs.Admin.GetTaskAsync(names.Id)).Result!.Value.GetProperty("names");
        Assert.Equal(
            [("Device.WiFi.SSID.1.Enable", true), ("Device.WiFi.SSID.1.SSID", true), ("Device.WiFi.SSID.1.Status", false)],
            named.EnumerateObject().Select(p => (p.Name, p.Value.GetBoolean())).Order());
        Assert.Equal("done", (await acs.Admin.GetTaskAsync(set.Id)).Status);
        Assert.Equal(2, cpe.Model.Find("Device.WiFi.SSID.1.SSID")!.Notification);
        var attributes = (await acs.Admin.GetTaskAsync(get.Id)).Result!.Value.GetProperty("attributes");
        Assert.Equal(2, attributes.GetProperty("Device.WiFi.SSID.1.SSID").GetProperty("notification").GetInt32());
        Assert.Equal(0, attributes.GetProperty("Device.WiFi.SSID.1.Status").GetProperty("notification").GetInt32());
    }

    [Fact]
    public async Task Attribute_tasks_with_bad_arguments_are_refused_with_400_and_a_cpe_fault_fails_the_task()
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        var cpe = acs.Cpe();
        await cpe.BootAsync(default);
        var device = await acs.DeviceOfAsync(cpe);

        foreach (var (kind, args) in new (string, object?)[]
        {
            ("schedule-inform", new { delaySeconds = 0 }), ("schedule-inform", null), ("set-attributes", new { attributes = new Dictionary<string, object> { ["Device.X"] = new { notification = 3 } } }),
            ("set-attributes", new { attributes = new { } }), ("get-names", new { nextLevel = "yes" }), ("upload", new { fileType = "9 Nonsense" }),
        })
        {
            var e = await Assert.ThrowsAsync<Qdms.Client.QdmsApiException>(() => acs.TaskAsync(device, kind, args));
            Assert.Equal((400, "arguments"), (e.Status, Assert.Single(e.Errors!.Keys)));
        }

        var unknown = await acs.TaskAsync(device, "get-attributes", new { path = "Device.Nothing." });
        await cpe.PeriodicInformAsync(default);
        var task = await acs.Admin.GetTaskAsync(unknown.Id);
        Assert.Equal(("failed", "9005"), (task.Status, task.FaultCode));
    }

    [Fact]
    public async Task An_upload_puts_the_cpes_file_into_the_repository_and_transfer_complete_closes_the_task_with_its_id()
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        var cpe = acs.Cpe();
        await cpe.BootAsync(default);
        var device = await acs.DeviceOfAsync(cpe);

        var upload = await acs.TaskAsync(device, "upload", new { fileType = "1 Vendor Configuration File" });
        var outcomes = await cpe.PeriodicInformAsync(default);

        Assert.Equal(2, outcomes.Count); // the Upload, then the session with M Upload and TransferComplete
        Assert.All(outcomes, o => Assert.True(o.Completed, o.Error));
        var (url, status, sent) = Assert.Single(cpe.Uploads);
        Assert.Equal(201, status);
        Assert.StartsWith(acs.Url + "uploads/qup_", url.ToString(), StringComparison.Ordinal);
        Assert.Contains(["7 TRANSFER COMPLETE", "M Upload"], c => cpe.Informs.Last().Contains(c));
        var task = await acs.Admin.GetTaskAsync(upload.Id);
        Assert.Equal("done", task.Status);
        var fileId = task.Result!.Value.GetProperty("fileId").GetInt64();
        var file = await acs.Admin.GetFileAsync(fileId);
        Assert.Equal((device.TenantId, "config", (long)sent.Length, $"task-{upload.Id}"), (file.TenantId, file.Type, file.Size, file.Version));
        Assert.Contains(cpe.Serial, file.FileName, StringComparison.Ordinal);
        var token = await acs.Admin.CreateDownloadTokenAsync(fileId);
        using var http = app.CreateClient();
        Assert.Equal(sent, await http.GetByteArrayAsync(new Uri(token.Url).PathAndQuery));

        using var again = new HttpClient();
        var reuse = await again.PutAsync(url, new ByteArrayContent("second"u8.ToArray()));
        Assert.Equal(HttpStatusCode.NotFound, reuse.StatusCode); // the token opened one upload
    }

    [Fact]
    public async Task An_upload_with_a_file_name_that_is_not_plain_fails_before_reaching_the_cpe()
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        var cpe = acs.Cpe();
        await cpe.BootAsync(default);
        var device = await acs.DeviceOfAsync(cpe);
        var before = (await acs.Admin.ListFilesAsync(size: 1)).Total;

        var upload = await acs.TaskAsync(device, "upload", new { fileType = "2 Vendor Log File", name = "bad/name.log" });
        await cpe.PeriodicInformAsync(default);

        var task = await acs.Admin.GetTaskAsync(upload.Id);
        Assert.Equal(("failed", "arguments"), (task.Status, task.FaultCode));
        Assert.Empty(cpe.Uploads);
        Assert.Equal(before, (await acs.Admin.ListFilesAsync(size: 1)).Total);
    }

    [Fact]
    public async Task A_deleted_objects_stored_parameters_are_removed_and_its_siblings_stay()
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        var cpe = acs.Cpe();
        await cpe.BootAsync(default);
        var device = await acs.DeviceOfAsync(cpe);
        await acs.TaskAsync(device, "add-object", new { path = "Device.WiFi.SSID." });
        await acs.TaskAsync(device, "refresh", new { path = "Device.WiFi." });
        await cpe.PeriodicInformAsync(default);
        Assert.Contains(await acs.Admin.ListParametersAsync(device.Id, "Device.WiFi.SSID.2."), p => p.Path == "Device.WiFi.SSID.2.SSID");

        var delete = await acs.TaskAsync(device, "delete-object", new { path = "Device.WiFi.SSID.2." });
        await cpe.PeriodicInformAsync(default);

        Assert.Equal("done", (await acs.Admin.GetTaskAsync(delete.Id)).Status);
        Assert.Empty(await acs.Admin.ListParametersAsync(device.Id, "Device.WiFi.SSID.2."));
        Assert.Equal(3, (await acs.Admin.ListParametersAsync(device.Id, "Device.WiFi.SSID.1.")).Count);
    }

    [Fact]
    public async Task A_download_never_reported_fails_with_timeout_and_a_late_transfer_complete_is_acknowledged_and_recorded()
    {
        using var acs = await AcsUnderTest.StartAsync(app, new { downloadTimeoutSeconds = 1 });
        var cpe = acs.Cpe();
        await cpe.BootAsync(default);
        var device = await acs.DeviceOfAsync(cpe);
        var file = await FileUploads.RegisterAsync(acs.Admin, FileUploads.Bytes(5000, seed: 3), FileUploads.Request("late-" + cpe.Serial + ".bin"));
        var download = await acs.TaskAsync(device, "download", new { fileId = file.Id });

        Assert.True((await cpe.SessionAsync([new InformEvent("2 PERIODIC")], default)).Completed); // accepted; the CPE does not report yet
        var task = await PollAsync(acs, download.Id, t => t.Status != "sent");

        Assert.Equal(("failed", "timeout"), (task.Status, task.FaultCode));
        Assert.Contains("TransferComplete", task.FaultMessage, StringComparison.Ordinal);

        var outcomes = await cpe.PeriodicInformAsync(default); // now it fetches the file and reports
        Assert.Equal(2, outcomes.Count);
        Assert.All(outcomes, o => Assert.True(o.Completed, o.Error)); // TransferComplete answered with TransferCompleteResponse
        var late = Assert.Single((await acs.Admin.ListEventsAsync(deviceId: device.Id)).Items, e => e.Type == "TransferComplete");
        Assert.Contains($"task {download.Id}", late.Message, StringComparison.Ordinal);
        Assert.Equal(("failed", "timeout"), ((await acs.Admin.GetTaskAsync(download.Id)).Status, (await acs.Admin.GetTaskAsync(download.Id)).FaultCode));
    }

    [Fact]
    public async Task A_get_of_a_subtree_never_named_learns_writability_and_later_values_keep_it()
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        var cpe = acs.Cpe();
        await cpe.BootAsync(default);
        var device = await acs.DeviceOfAsync(cpe);
        Assert.False(Assert.Single(await acs.Admin.ListParametersAsync(device.Id, "Device.DeviceInfo.ProvisioningCode")).Writable);

        var first = await acs.TaskAsync(device, "get", new { path = "Device.DeviceInfo." });
        await cpe.PeriodicInformAsync(default); // its Inform carries ProvisioningCode again
        Assert.Equal(["GetParameterNames", "GetParameterValues"], cpe.Served);
        Assert.Equal("done", (await acs.Admin.GetTaskAsync(first.Id)).Status);
        await cpe.PeriodicInformAsync(default);
        var second = await acs.TaskAsync(device, "get", new { path = "Device.DeviceInfo." });
        await cpe.PeriodicInformAsync(default);

        Assert.Equal(["GetParameterNames", "GetParameterValues", "GetParameterValues"], cpe.Served); // named once
        Assert.True((await acs.Admin.GetTaskAsync(second.Id)).Result!.Value.GetProperty("values").TryGetProperty("Device.DeviceInfo.UpTime", out _));
        var info = await acs.Admin.ListParametersAsync(device.Id, "Device.DeviceInfo.");
        Assert.True(Assert.Single(info, p => p.Path == "Device.DeviceInfo.ProvisioningCode").Writable); // Informs since did not reset it
        Assert.False(Assert.Single(info, p => p.Path == "Device.DeviceInfo.SoftwareVersion").Writable);
    }

    [Fact]
    public async Task With_hold_requests_the_queued_tasks_run_before_the_transfer_complete_the_cpe_held()
    {
        using var acs = await AcsUnderTest.StartAsync(app, new { holdRequests = true });
        var cpe = acs.Cpe();
        Assert.True(Assert.Single(await cpe.BootAsync(default)).Completed);
        var device = await acs.DeviceOfAsync(cpe);
        var file = await FileUploads.RegisterAsync(acs.Admin, FileUploads.Bytes(3000, seed: 5), FileUploads.Request("held-" + cpe.Serial + ".bin"));
        var download = await acs.TaskAsync(device, "download", new { fileId = file.Id });
        Assert.True((await cpe.SessionAsync([new InformEvent("2 PERIODIC")], default)).Completed);
        var events = await cpe.CarryOutAsync(default); // fetched; TransferComplete is pending
        var get = await acs.TaskAsync(device, "get", new { path = "Device.DeviceInfo.SoftwareVersion" });

        var outcome = await cpe.SessionAsync(events, default); // a new Inform takes over the session the last one left open

        Assert.True(outcome.Completed, outcome.Error);
        Assert.Equal(["Download", "GetParameterValues"], cpe.Served);
        Assert.Equal(["TransferComplete"], cpe.HeldRequests); // sent only once the ACS released the hold
        var (got, downloaded) = (await acs.Admin.GetTaskAsync(get.Id), await acs.Admin.GetTaskAsync(download.Id));
        Assert.Equal(("done", "done"), (got.Status, downloaded.Status));
        Assert.True(got.UpdatedAt <= downloaded.UpdatedAt);
    }

    internal static async Task<DeviceTaskDto> PollAsync(AcsUnderTest acs, long id, Func<DeviceTaskDto, bool> until)
    {
        var deadline = Stopwatch.StartNew();
        var task = await acs.Admin.GetTaskAsync(id);
        while (!until(task) && deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50); // poll until the sweeper has run, bounded by the deadline
            task = await acs.Admin.GetTaskAsync(id);
        }

        return task;
    }
}

public sealed class SqliteTr069TaskKindTests(SqliteApp app) : Tr069TaskKindTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresTr069TaskKindTests(PostgresApp app) : Tr069TaskKindTests(app), IClassFixture<PostgresApp>;
