using Microsoft.Extensions.DependencyInjection;
using Qdms.Client;
using Qdms.Contracts;
using Qdms.Core.Devices;
using Qdms.Core.Devices.Bulk;
using Qdms.Core.Security;
using Qdms.Server.Tests.Support;

namespace Qdms.Server.Tests;

/// <summary><c>POST /api/v1/devices/bulk-tasks</c> and <c>GET /api/v1/bulk-tasks/{id}</c>: selection, batches, progress, isolation, limits.</summary>
public abstract class BulkTaskTests(QdmsAppFactory app)
{
    [Fact]
    public async Task Explicit_ids_get_one_task_each_and_the_progress_follows_the_engines()
    {
        var (op, _, _) = await app.TenantUserAsync("operator");
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await op.CreateDeviceAsync(DevicesTests.NewDevice("bulk-" + DevicesTests.Unique()))).Id);
        }

        var job = await op.CreateBulkTaskAsync(new CreateBulkTaskRequest("reboot", DeviceIds: [ids[0], ids[1], ids[2], ids[0]]));
        Assert.Equal(("queued", 3L, 3L, 3L, false), (job.State, job.Matched, job.Total, job.Queued, job.Finished));
        var tasks = new List<DeviceTaskDto>();
        foreach (var id in ids)
        {
            tasks.Add(Assert.Single(await op.ListTasksAsync(id)));
        }

        Assert.All(tasks, t => Assert.Equal(("reboot", "queued"), (t.Kind, t.Status)));

        // The engines move the tasks on through the task store, as they do for any task.
        var store = app.Services.GetRequiredService<IDeviceTaskStore>();
        Assert.True(await store.MarkSentAsync(tasks[0].Id, DateTimeOffset.UtcNow, default));
        Assert.True(await store.MarkDoneAsync(tasks[1].Id, null, DateTimeOffset.UtcNow, default));
        Assert.True(await store.MarkFailedAsync(tasks[2].Id, "9002", "Internal error", DateTimeOffset.UtcNow, default));
        var progress = await op.GetBulkTaskAsync(job.Id);
        Assert.Equal((0L, 1L, 1L, 1L, false), (progress.Queued, progress.Sent, progress.Done, progress.Failed, progress.Finished));

        Assert.True(await store.MarkDoneAsync(tasks[0].Id, null, DateTimeOffset.UtcNow, default));
        progress = await op.GetBulkTaskAsync(job.Id);
        Assert.Equal((3L, 0L, 0L, 2L, 1L, true), (progress.Total, progress.Queued, progress.Sent, progress.Done, progress.Failed, progress.Finished));
    }

    [Fact]
    public async Task A_filter_selects_what_the_device_list_shows_and_never_another_tenants_devices()
    {
        var (op, _, _) = await app.TenantUserAsync("operator");
        var (other, _, _) = await app.TenantUserAsync("operator");
        var tag = "wave-" + DevicesTests.Unique()[..8];
        for (var i = 0; i < 4; i++)
        {
            await op.CreateDeviceAsync(DevicesTests.NewDevice("f-" + DevicesTests.Unique(), tags: [tag]));
        }

        await op.CreateDeviceAsync(DevicesTests.NewDevice("f-" + DevicesTests.Unique(), tags: ["not-" + tag]));
        var foreign = await other.CreateDeviceAsync(DevicesTests.NewDevice("f-" + DevicesTests.Unique(), tags: [tag]));

        var job = await op.CreateBulkTaskAsync(new CreateBulkTaskRequest(
            "set", Filter: new BulkDeviceFilterDto(Tag: tag), Arguments: Json("""{"values":{"Device.ManagementServer.PeriodicInformInterval":"300"}}""")));
        Assert.Equal((4L, 4L, $"tag={tag}"), (job.Matched, job.Total, job.Selection));
        Assert.Empty(await other.ListTasksAsync(foreign.Id));
        var listed = await op.ListDevicesAsync(tag: tag);
        foreach (var d in listed.Items)
        {
            var t = Assert.Single(await op.ListTasksAsync(d.Id));
            Assert.Equal("set", t.Kind);
            Assert.Equal("300", t.Arguments!.Value.GetProperty("values").GetProperty("Device.ManagementServer.PeriodicInformInterval").GetString());
        }

        // The other tenant's operator neither sees the job nor reaches it with its own filter.
        Assert.Equal(404, (await Assert.ThrowsAsync<QdmsApiException>(() => other.GetBulkTaskAsync(job.Id))).Status);
        var theirs = await other.CreateBulkTaskAsync(new CreateBulkTaskRequest("refresh", Filter: new BulkDeviceFilterDto(Tag: tag)));
        Assert.Equal(1L, theirs.Total);
    }

    [Fact]
    public async Task Another_tenants_device_id_is_a_404_and_nothing_is_queued()
    {
        var (owner, _, _) = await app.TenantUserAsync("operator");
        var (intruder, _, _) = await app.TenantUserAsync("operator");
        var mine = await intruder.CreateDeviceAsync(DevicesTests.NewDevice("m-" + DevicesTests.Unique()));
        var theirs = await owner.CreateDeviceAsync(DevicesTests.NewDevice("t-" + DevicesTests.Unique()));

        var e = await Assert.ThrowsAsync<QdmsApiException>(() => intruder.CreateBulkTaskAsync(new CreateBulkTaskRequest("factory-reset", DeviceIds: [mine.Id, theirs.Id])));
        Assert.Equal(404, e.Status);
        Assert.Contains($"'{theirs.Id}'", e.Message, StringComparison.Ordinal);
        Assert.Empty(await owner.ListTasksAsync(theirs.Id));
        Assert.Empty(await intruder.ListTasksAsync(mine.Id));
    }

    [Fact]
    public async Task More_devices_than_one_batch_are_queued_once_each_across_batches()
    {
        var (op, tenant, _) = await app.TenantUserAsync("operator");
        var tag = "big-" + DevicesTests.Unique()[..8];
        var count = BulkTaskService.BatchSize * 2 + 345;
        var drafts = Enumerable.Range(0, count)
            .Select(i => new DeviceDraft($"big-{i}", [new DeviceIdentity("tr069", $"{tag}-{i}")], Tags: [tag]))
            .ToList();
        await app.Services.GetRequiredService<IDeviceStore>().BulkInsertAsync(tenant.Id, drafts, DateTimeOffset.UtcNow, default);

        var job = await op.CreateBulkTaskAsync(new CreateBulkTaskRequest("refresh", Filter: new BulkDeviceFilterDto(Tag: tag)));
        Assert.Equal((count, count, count), (job.Matched, job.Total, job.Queued));
        var progress = await op.GetBulkTaskAsync(job.Id);
        Assert.Equal((count, count), (progress.Total, progress.Queued));

        // One task per device: every device of the tag has exactly one, none has two.
        var scope = TenantScope.Of(tenant.Id);
        var devices = app.Services.GetRequiredService<IDeviceStore>();
        var tasks = app.Services.GetRequiredService<IDeviceTaskStore>();
        var seen = 0;
        long after = 0;
        while (true)
        {
            var chunk = await devices.ListAfterAsync(scope, new DeviceQuery(Tag: tag), after, 500, default);
            if (chunk.Count == 0)
            {
                break;
            }

            foreach (var d in chunk.Where((_, i) => i % 50 == 0))
            {
                Assert.Single(await tasks.ListForDeviceAsync(d.Id, null, scope, 10, default));
            }

            seen += chunk.Count;
            after = chunk[^1].Id;
        }

        Assert.Equal(count, seen);
    }

    [Fact]
    public async Task Bad_requests_get_precise_problems_and_queue_nothing()
    {
        var (op, _, _) = await app.TenantUserAsync("operator");
        var d = await op.CreateDeviceAsync(DevicesTests.NewDevice("v-" + DevicesTests.Unique(), tags: ["valid"]));

        async Task<QdmsApiException> Fails(CreateBulkTaskRequest r) => await Assert.ThrowsAsync<QdmsApiException>(() => op.CreateBulkTaskAsync(r));
        var both = await Fails(new CreateBulkTaskRequest("reboot", DeviceIds: [d.Id], Filter: new BulkDeviceFilterDto(Tag: "valid")));
        Assert.Equal(400, both.Status);
        Assert.True(both.Errors!.ContainsKey("deviceIds"));
        Assert.Equal(400, (await Fails(new CreateBulkTaskRequest("reboot"))).Status);
        Assert.Equal(400, (await Fails(new CreateBulkTaskRequest("reboot", DeviceIds: []))).Status);
        var kind = await Fails(new CreateBulkTaskRequest("explode", DeviceIds: [d.Id]));
        Assert.True(kind.Status == 400 && kind.Errors!.ContainsKey("kind"));
        var args = await Fails(new CreateBulkTaskRequest("set", DeviceIds: [d.Id]));
        Assert.True(args.Status == 400 && args.Errors!.ContainsKey("arguments"));
        var status = await Fails(new CreateBulkTaskRequest("reboot", Filter: new BulkDeviceFilterDto(Status: "sleepy")));
        Assert.True(status.Status == 400 && status.Errors!.ContainsKey("status"));
        Assert.Equal(413, (await Fails(new CreateBulkTaskRequest("reboot", DeviceIds: [.. Enumerable.Range(1, BulkTaskService.MaxDeviceIds + 1).Select(i => (long)i)]))).Status);
        var none = await Fails(new CreateBulkTaskRequest("reboot", Filter: new BulkDeviceFilterDto(Tag: "no-such-tag")));
        Assert.Equal(422, none.Status);
        Assert.Contains("matches no device", none.Message, StringComparison.Ordinal);
        Assert.Empty(await op.ListTasksAsync(d.Id));

        var (viewer, _, _) = await app.TenantUserAsync("viewer");
        Assert.Equal(403, (await Assert.ThrowsAsync<QdmsApiException>(() => viewer.CreateBulkTaskAsync(new CreateBulkTaskRequest("reboot", Filter: new BulkDeviceFilterDto())))).Status);
        Assert.Equal(404, (await Assert.ThrowsAsync<QdmsApiException>(() => op.GetBulkTaskAsync(long.MaxValue))).Status);
    }

    [Fact]
    public async Task A_bulk_job_is_audited_in_its_tenant()
    {
        var (admin, _, user) = await app.TenantUserAsync("admin");
        var d = await admin.CreateDeviceAsync(DevicesTests.NewDevice("a-" + DevicesTests.Unique(), tags: ["audited"]));
        var job = await admin.CreateBulkTaskAsync(new CreateBulkTaskRequest("reboot", Filter: new BulkDeviceFilterDto(Tag: "audited")));
        var entry = Assert.Single((await admin.ListAuditAsync(action: "bulk.create")).Items);
        Assert.Equal((user.Username, $"bulk/{job.Id}", "reboot on 1 device(s): tag=audited"), (entry.Username, entry.Target, entry.Details));
        Assert.Single(await admin.ListTasksAsync(d.Id));
    }

    private static System.Text.Json.JsonElement Json(string text)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }
}

public sealed class SqliteBulkTaskTests(SqliteApp app) : BulkTaskTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresBulkTaskTests(PostgresApp app) : BulkTaskTests(app), IClassFixture<PostgresApp>;
