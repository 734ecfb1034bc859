using Microsoft.Extensions.DependencyInjection;
using Qdms.Contracts;
using Qdms.Core.Events;
using Qdms.Server.Jobs;
using Qdms.Server.Tests.Support;

namespace Qdms.Server.Tests;

/// <summary>The service report's inventory and file-server parts, and the task-expiry job.</summary>
public abstract class ServiceJobsAndReportTests(QdmsAppFactory app)
{
    [Fact]
    public async Task The_report_counts_the_callers_devices_and_files_only()
    {
        var (a, _, _) = await app.TenantUserAsync("admin");
        var (b, _, _) = await app.TenantUserAsync("admin");
        var key = Guid.NewGuid().ToString("N");
        await a.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("tr069", "A-" + key)]));
        await a.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("tr069", "B-" + key)]));
        await a.RegisterFileAsync(new MemoryStream([1, 2, 3]), new RegisterFileRequest("config", "lab", "w1", "a.cfg", "1"));

        var seenByA = await a.ServiceReportAsync();
        Assert.Equal(2, seenByA.Devices.Total);
        Assert.Equal(2, seenByA.Devices.ByStatus["unknown"]);
        var store = Assert.Single(seenByA.FileServers);
        Assert.Equal("ok", store.Status);
        Assert.Equal(1, store.FileCount);

        var seenByB = await b.ServiceReportAsync();
        Assert.Equal(0, seenByB.Devices.Total);
        Assert.Equal(0, Assert.Single(seenByB.FileServers).FileCount);

        var sysop = await (await app.AdminAsync()).ServiceReportAsync();
        Assert.True(sysop.Devices.Total >= 2);
        Assert.Contains(sysop.Components, c => c.Name == "task-expiry" && c.Running);
    }

    [Fact]
    public async Task The_expiry_job_expires_overdue_tasks_and_leaves_others_queued()
    {
        var admin = await app.AdminAsync();
        var device = await admin.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("snmp", "10.9.9." + Random.Shared.Next(1, 250) + "-" + Guid.NewGuid().ToString("N")[..6])]));
        var overdue = await admin.CreateTaskAsync(device.Id, new CreateTaskRequest("reboot"));
        var fresh = await admin.CreateTaskAsync(device.Id, new CreateTaskRequest("reboot"));
        await TestDb.ExecuteAsync(app, "UPDATE device_tasks SET expires_at = 1000 WHERE id = @id", new { id = overdue.Id });

        Assert.True(await app.Services.GetRequiredService<TaskExpiry>().RunOnceAsync(CancellationToken.None) >= 1);

        Assert.Equal("expired", (await admin.GetTaskAsync(overdue.Id)).Status);
        Assert.Equal("queued", (await admin.GetTaskAsync(fresh.Id)).Status);
    }

    [Fact]
    public async Task The_event_retention_job_deletes_events_older_than_ninety_days_by_default()
    {
        var admin = await app.AdminAsync();
        var device = await admin.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("snmp", "retention-" + Guid.NewGuid().ToString("N"))]));
        var now = DateTimeOffset.UtcNow;
        await app.Services.GetRequiredService<IDeviceEventStore>().AppendAsync(
        [
            new NewDeviceEvent(device.TenantId, device.Id, "snmp", "trap", EventSeverity.Info, now.AddDays(-91), "too old"),
            new NewDeviceEvent(device.TenantId, device.Id, "snmp", "trap", EventSeverity.Info, now.AddDays(-89), "kept"),
        ], default);

        Assert.True(await app.Services.GetRequiredService<EventRetention>().RunOnceAsync(CancellationToken.None) >= 1);

        Assert.Equal(["kept"], (await admin.ListEventsAsync(deviceId: device.Id)).Items.Select(e => e.Message));
        Assert.Contains((await admin.ServiceReportAsync()).Components, c => c.Name == "event-retention");
    }

    [Fact]
    public async Task Metrics_count_devices_by_status()
    {
        var admin = await app.AdminAsync();
        await admin.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("mqtt", "metrics-" + Guid.NewGuid().ToString("N"))]));
        var text = await MetricsTests.ScrapeAsync(admin);
        var line = text.Split('\n').Single(l => l.StartsWith("qdms_devices{status=\"unknown\"}", StringComparison.Ordinal));
        Assert.True(long.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture) >= 1, line);
    }
}

public sealed class SqliteServiceJobsAndReportTests(SqliteApp app) : ServiceJobsAndReportTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresServiceJobsAndReportTests(PostgresApp app) : ServiceJobsAndReportTests(app), IClassFixture<PostgresApp>;
