using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qdms.Client;
using Qdms.Contracts;
using Qdms.Core.Devices;
using Qdms.Core.Events;
using Qdms.Core.Live;
using Qdms.Server.Tests.Support;

namespace Qdms.Server.Tests.Live;

/// <summary>The live stream (<c>GET /api/v1/live</c>): authentication, tenant isolation, order, engines, heartbeats, slow readers, the CLI.</summary>
public abstract class LiveTests(LiveApp app)
{
    private IDeviceTaskStore Tasks => app.Services.GetRequiredService<IDeviceTaskStore>();

    private IDeviceEventStore Events => app.Services.GetRequiredService<IDeviceEventStore>();

    private LiveHub Hub => app.Services.GetRequiredService<LiveHub>();

    [Fact]
    public async Task The_stream_needs_a_token_valid_topics_and_a_visible_device()
    {
        using var anonymous = app.CreateClient();
        using var answer = await anonymous.GetAsync("api/v1/live", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal(401, (await Assert.ThrowsAsync<QdmsApiException>(() => ReadFirstAsync(app.Anonymous()))).Status);
        using var eventStreamOnly = new HttpRequestMessage(HttpMethod.Get, "api/v1/live");
        eventStreamOnly.Headers.Accept.ParseAdd("text/event-stream");
        using var refused = await anonymous.SendAsync(eventStreamOnly, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        var (tenantUser, _, _) = await app.TenantUserAsync("viewer");
        var admin = await app.AdminAsync();
        var elsewhere = await admin.CreateDeviceAsync(DevicesTests.NewDevice("live-" + DevicesTests.Unique()));
        var bad = await Assert.ThrowsAsync<QdmsApiException>(() => ReadFirstAsync(tenantUser, topics: ["task", "gossip"]));
        Assert.Equal(400, bad.Status);
        Assert.Contains("topics", bad.Errors!.Keys);
        Assert.Equal(404, (await Assert.ThrowsAsync<QdmsApiException>(() => ReadFirstAsync(tenantUser, deviceId: elsewhere.Id))).Status);

        var ready = await ReadFirstAsync(tenantUser, topics: ["task", "event"]);
        Assert.Equal("ready", ready.Type);
        Assert.Equal(["task", "event"], ready.As<LiveReadyDto>().Topics);
    }

    [Fact]
    public async Task A_tenant_user_receives_its_tenants_tasks_and_events_and_nothing_of_another_tenant()
    {
        var (userA, tenantA, _) = await app.TenantUserAsync("viewer");
        var (userB, tenantB, _) = await app.TenantUserAsync("viewer");
        var admin = await app.AdminAsync();
        var deviceA = await admin.CreateDeviceAsync(DevicesTests.NewDevice("live-" + DevicesTests.Unique()) with { TenantId = tenantA.Id });
        var deviceB = await admin.CreateDeviceAsync(DevicesTests.NewDevice("live-" + DevicesTests.Unique()) with { TenantId = tenantB.Id });
        await using var readerA = await LiveReader.OpenAsync(userA, topics: ["task", "event"]);
        await using var readerB = await LiveReader.OpenAsync(userB, topics: ["task", "event"]);
        await using var sysop = await LiveReader.OpenAsync(admin, topics: ["event"]);

        // B's task and event, and an event of an unknown source, are published before A's task: a reader gets messages in
        // publishing order, so when A's task arrives, anything of B's would already have arrived before it.
        var taskB = await admin.CreateTaskAsync(deviceB.Id, new CreateTaskRequest("reboot", null, null));
        var origin = "udp:192.0.2.44:" + Random.Shared.Next(1024, 60000);
        await Events.AppendAsync(
        [
            new NewDeviceEvent(tenantB.Id, deviceB.Id, "snmp", "trap", EventSeverity.Major, DateTimeOffset.UtcNow, "B's trap"),
            new NewDeviceEvent(null, null, "snmp", "trap", EventSeverity.Info, DateTimeOffset.UtcNow, "nobody's", origin),
        ], default);
        var taskA = await admin.CreateTaskAsync(deviceA.Id, new CreateTaskRequest("reboot", null, null));

        var (gotA, beforeA) = await readerA.WaitForAsync(m => m.Type == "task" && m.As<DeviceTaskDto>().Id == taskA.Id);
        Assert.Equal((deviceA.Id, tenantA.Id, "reboot", "queued"), Shape(gotA.As<DeviceTaskDto>()));
        Assert.Empty(beforeA);

        var (gotTaskB, _) = await readerB.WaitForAsync(m => m.Type == "task");
        Assert.Equal(taskB.Id, gotTaskB.As<DeviceTaskDto>().Id);
        var eventB = (await readerB.NextAsync()).As<DeviceEventDto>();
        Assert.Equal((deviceB.Id, "B's trap", "major"), (eventB.DeviceId, eventB.Message, eventB.Severity));
        var taskB2 = await admin.CreateTaskAsync(deviceB.Id, new CreateTaskRequest("refresh", null, null));
        Assert.Equal(taskB2.Id, (await readerB.NextAsync()).As<DeviceTaskDto>().Id); // A's task, published before it, never came

        var unknown = (await sysop.WaitForAsync(m => m.As<DeviceEventDto>().Origin == origin)).Match.As<DeviceEventDto>();
        Assert.Equal((null, null, "nobody's"), (unknown.TenantId, unknown.DeviceId, unknown.Message));
    }

    [Fact]
    public async Task A_task_created_and_completed_arrives_as_messages_in_order()
    {
        var (operatorClient, tenant, _) = await app.TenantUserAsync("operator");
        var device = await operatorClient.CreateDeviceAsync(DevicesTests.NewDevice("live-" + DevicesTests.Unique()));
        await using var reader = await LiveReader.OpenAsync(operatorClient, deviceId: device.Id);

        var task = await operatorClient.CreateTaskAsync(device.Id, new CreateTaskRequest("refresh", null, null));
        // what an engine does when the device is in session
        Assert.True(await Tasks.MarkSentAsync(task.Id, DateTimeOffset.UtcNow, default));
        Assert.True(await Tasks.MarkDoneAsync(task.Id, """{"parameters":3}""", DateTimeOffset.UtcNow, default));

        var statuses = new List<string>();
        while (statuses.Count < 3)
        {
            var m = await reader.NextAsync();
            Assert.Equal("task", m.Type);
            var t = m.As<DeviceTaskDto>();
            Assert.Equal((task.Id, device.Id, tenant.Id, "refresh"), (t.Id, t.DeviceId, t.TenantId, t.Kind));
            statuses.Add(t.Status);
            if (t.Status == "done")
            {
                Assert.Equal(3, t.Result!.Value.GetProperty("parameters").GetInt32());
            }
        }

        Assert.Equal(["queued", "sent", "done"], statuses);
    }

    [Fact]
    public async Task An_engine_added_started_stopped_and_removed_arrives_for_any_signed_in_user()
    {
        var admin = await app.AdminAsync();
        var (viewer, _, _) = await app.TenantUserAsync("viewer");
        await using var reader = await LiveReader.OpenAsync(viewer, topics: ["engine"]);
        var alias = "live-" + DevicesTests.Unique();

        await admin.AddEngineAsync(new AddEngineRequest("echo", alias, JsonSerializer.SerializeToElement(new { port = 0 })));
        var added = (await reader.WaitForAsync(m => Engine(m).Alias == alias)).Match.As<LiveEngineDto>();
        Assert.Equal(("echo", "inactive", "stopped", false), (added.Type, added.State, added.DesiredState, added.Removed));

        await admin.StartEngineAsync("echo", added.Index);
        await reader.WaitForAsync(m => Engine(m) is { State: "active", DesiredState: "running" } e && e.Alias == alias);
        await admin.StopEngineAsync("echo", added.Index);
        await reader.WaitForAsync(m => Engine(m) is { State: "inactive", DesiredState: "stopped" } e && e.Alias == alias);
        await admin.RemoveEngineAsync("echo", alias);
        await reader.WaitForAsync(m => Engine(m) is { Removed: true } e && e.Alias == alias);
    }

    [Fact]
    public async Task An_idle_stream_carries_heartbeat_comments_and_a_retry_hint()
    {
        var admin = await app.AdminAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/live?topics=engine");
        request.Headers.Authorization = admin.Http.DefaultRequestHeaders.Authorization;
        using var response = await admin.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-cache", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        using var lines = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        Assert.Equal("retry: 3000", await lines.ReadLineAsync(deadline.Token));
        while (await lines.ReadLineAsync(deadline.Token) is { } line && line != ": heartbeat")
        {
            // the ready message, then the heartbeat after a second of silence (Qdms:Live:HeartbeatSeconds = 1 here)
        }
    }

    [Fact]
    public async Task A_reader_that_stops_reading_is_cut_off_with_a_last_message_and_the_others_go_on()
    {
        var admin = await app.AdminAsync();
        var flooded = await admin.CreateDeviceAsync(DevicesTests.NewDevice("live-" + DevicesTests.Unique()));
        var quiet = await admin.CreateDeviceAsync(DevicesTests.NewDevice("live-" + DevicesTests.Unique()));
        await using var other = await LiveReader.OpenAsync(admin, deviceId: quiet.Id);

        // A reader that reads the ready message and then nothing: its connection's buffers fill, then its queue of 16.
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/live?deviceId={flooded.Id}");
        request.Headers.Authorization = admin.Http.DefaultRequestHeaders.Authorization;
        using var response = await admin.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var slow = await response.Content.ReadAsStreamAsync();
        await ReadPastAsync(slow, "event: ready");
        var before = Hub.SubscriberCount;

        var deadline = DateTime.UtcNow.AddSeconds(30);
        var batches = 0;
        while (Hub.SubscriberCount == before && DateTime.UtcNow < deadline)
        {
            var now = DateTimeOffset.UtcNow;
            await Events.AppendAsync([.. Enumerable.Range(0, 500).Select(i => new NewDeviceEvent(
                flooded.TenantId, flooded.Id, "snmp", "trap", EventSeverity.Info, now, $"flood {batches}/{i} " + new string('x', 200)))], default);
            batches++;
        }

        Assert.Equal(before - 1, Hub.SubscriberCount); // the slow reader left the hub, the other one did not

        await Events.AppendAsync([new NewDeviceEvent(quiet.TenantId, quiet.Id, "snmp", "trap", EventSeverity.Info, DateTimeOffset.UtcNow, "still here")], default);
        Assert.Equal("still here", (await other.WaitForAsync(m => m.Type == "event")).Match.As<DeviceEventDto>().Message);

        // The slow reader, reading at last, finds what was queued and then one last "dropped" message, and the stream ends.
        using var rest = new StreamReader(slow);
        var text = await rest.ReadToEndAsync();
        var last = text.TrimEnd('\n').Split("\n\n")[^1];
        Assert.StartsWith("event: dropped\ndata: ", last, StringComparison.Ordinal);
        Assert.Contains("fell 16 messages behind", last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_that_goes_away_leaves_the_hub_and_the_others_keep_receiving()
    {
        var admin = await app.AdminAsync();
        var device = await admin.CreateDeviceAsync(DevicesTests.NewDevice("live-" + DevicesTests.Unique()));
        await using var stays = await LiveReader.OpenAsync(admin, deviceId: device.Id);
        var before = Hub.SubscriberCount;
        var leaves = await LiveReader.OpenAsync(admin, deviceId: device.Id);
        Assert.Equal(before + 1, Hub.SubscriberCount);
        await leaves.DisposeAsync();
        await UntilAsync(() => Hub.SubscriberCount == before);

        var task = await admin.CreateTaskAsync(device.Id, new CreateTaskRequest("reboot", null, null));
        Assert.Equal(task.Id, (await stays.WaitForAsync(m => m.Type == "task")).Match.As<DeviceTaskDto>().Id);
    }

    [Fact]
    public async Task The_cli_prints_one_line_per_message()
    {
        var admin = await app.AdminAsync();
        var device = await admin.CreateDeviceAsync(DevicesTests.NewDevice("live-" + DevicesTests.Unique()));
        using var cli = new CliRunner(app);
        Assert.Equal(0, (await cli.RunAsync("login", "--user", "admin", "--password", QdmsAppFactory.AdminPassword)).Exit);

        var before = Hub.SubscriberCount;
        var run = cli.RunAsync("live", "--device", device.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--topics", "task", "--count", "1", "--json");
        await UntilAsync(() => Hub.SubscriberCount > before || run.IsCompleted);
        var task = await admin.CreateTaskAsync(device.Id, new CreateTaskRequest("reboot", null, null));
        var (exit, output) = await run.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(exit == 0, output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length); // ready, then the task
        using var message = JsonDocument.Parse(lines[1]);
        Assert.Equal("task", message.RootElement.GetProperty("type").GetString());
        Assert.Equal(task.Id, message.RootElement.GetProperty("data").GetProperty("id").GetInt64());
    }

    private static (long, long, string, string) Shape(DeviceTaskDto t) => (t.DeviceId, t.TenantId, t.Kind, t.Status);

    private static LiveEngineDto Engine(LiveMessage m) =>
        m.Type == "engine" ? m.As<LiveEngineDto>() : new LiveEngineDto(0, "", "", 0, "", "", null, null, false, default);

    private static async Task<LiveMessage> ReadFirstAsync(QdmsClient client, long? deviceId = null, IEnumerable<string>? topics = null)
    {
        await foreach (var m in client.ReadLiveAsync(deviceId, topics))
        {
            return m;
        }

        throw new InvalidOperationException("The stream ended without a message.");
    }

    /// <summary>Reads raw bytes until <paramref name="marker"/> and the blank line after it have gone by.</summary>
    private static async Task ReadPastAsync(Stream stream, string marker)
    {
        var seen = new StringBuilder();
        var buffer = new byte[1];
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!(seen.ToString() is var s && s.Contains(marker, StringComparison.Ordinal) && s.EndsWith("\n\n", StringComparison.Ordinal)))
        {
            if (await stream.ReadAsync(buffer, deadline.Token) == 0)
            {
                throw new EndOfStreamException(seen.ToString());
            }

            seen.Append((char)buffer[0]);
        }
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 20 s.");
            await Task.Delay(20);
        }
    }
}

public sealed class SqliteLiveTests(SqliteLiveApp app) : LiveTests(app), IClassFixture<SqliteLiveApp>;

public sealed class PostgresLiveTests(PostgresLiveApp app) : LiveTests(app), IClassFixture<PostgresLiveApp>;
