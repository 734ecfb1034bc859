using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qdms.Client;
using Qdms.Contracts;
using Qdms.Core.Devices;
using Qdms.Server.Tests.Support;

namespace Qdms.Server.Tests;

public abstract class DevicesTests(QdmsAppFactory app)
{
    internal static string Unique() => Guid.NewGuid().ToString("N")[..12];

    internal static CreateDeviceRequest NewDevice(string key, string protocol = "tr069", string? name = null, IReadOnlyList<string>? tags = null,
        string? provisionGroup = null, string? updateGroup = null, string? model = null) =>
        new([new DeviceIdentityDto(protocol, key)], name, "Acme", model, null, null, null, tags, provisionGroup, updateGroup);

    [Fact]
    public async Task An_operator_creates_reads_and_edits_a_device_and_an_admin_deletes_it()
    {
        var (op, tenant, _) = await app.TenantUserAsync("operator");
        var key = "00259E-HG8245-" + Unique();
        var created = await op.CreateDeviceAsync(new CreateDeviceRequest(
            [new DeviceIdentityDto("tr069", key), new DeviceIdentityDto("snmp", "10.0.0." + Unique())], Tags: ["lab"], ProvisionGroup: "fiber"));
        Assert.Equal(tenant.Id, created.TenantId);
        Assert.Equal(key, created.Name);
        Assert.Equal("unknown", created.Status);
        Assert.Equal(2, created.Identities.Count);

        var updated = await op.UpdateDeviceAsync(created.Id, new UpdateDeviceRequest(Name: "Lobby ONT", Tags: ["b", "a", "a"], ProvisionGroup: "", UpdateGroup: "wave-1"));
        Assert.Equal(("Lobby ONT", null, "wave-1"), (updated.Name, updated.ProvisionGroup, updated.UpdateGroup));
        Assert.Equal(["a", "b"], updated.Tags);
        Assert.Equal(JsonSerializer.Serialize(updated), JsonSerializer.Serialize(await op.GetDeviceAsync(created.Id)));

        Assert.Equal(403, (await Assert.ThrowsAsync<QdmsApiException>(() => op.DeleteDeviceAsync(created.Id))).Status);
        var admin = await app.AdminAsync();
        await admin.DeleteDeviceAsync(created.Id);
        Assert.Equal(404, (await Assert.ThrowsAsync<QdmsApiException>(() => op.GetDeviceAsync(created.Id))).Status);

        var log = await admin.ListAuditAsync(size: 1000);
        Assert.Contains(log.Items, e => e.Action == "device.create" && e.Target == $"device/{created.Id}" && e.TenantId == tenant.Id);
        Assert.Contains(log.Items, e => e.Action == "device.update" && e.Target == $"device/{created.Id}");
        Assert.Contains(log.Items, e => e.Action == "device.delete" && e.Target == $"device/{created.Id}");
    }

    [Fact]
    public async Task A_sysop_creates_in_the_default_tenant_unless_it_names_one()
    {
        var admin = await app.AdminAsync();
        var (_, tenant, _) = await app.TenantUserAsync("viewer");
        var inDefault = await admin.CreateDeviceAsync(NewDevice(Unique()));
        var defaultTenant = (await admin.ListTenantsAsync()).Single(t => t.Name == "default");
        Assert.Equal(defaultTenant.Id, inDefault.TenantId);
        var named = await admin.CreateDeviceAsync(NewDevice(Unique()) with { TenantId = tenant.Id });
        Assert.Equal(tenant.Id, named.TenantId);
    }

    [Fact]
    public async Task A_second_device_with_a_taken_identity_is_a_409()
    {
        var (op, _, _) = await app.TenantUserAsync("operator");
        var key = Unique();
        await op.CreateDeviceAsync(NewDevice(key));
        var e = await Assert.ThrowsAsync<QdmsApiException>(() => op.CreateDeviceAsync(NewDevice(key)));
        Assert.Equal(409, e.Status);
        Assert.Contains($"tr069:{key}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_device_fields_are_400s_naming_the_field()
    {
        var (op, _, _) = await app.TenantUserAsync("operator");
        async Task<QdmsApiException> Bad(CreateDeviceRequest r) => await Assert.ThrowsAsync<QdmsApiException>(() => op.CreateDeviceAsync(r));

        var e = await Bad(new CreateDeviceRequest([]));
        Assert.Equal(400, e.Status);
        Assert.True(e.Errors!.ContainsKey("identities"));
        e = await Bad(new CreateDeviceRequest([new DeviceIdentityDto("tr069", "  ")]));
        Assert.Contains("identity key must not be empty", e.Message, StringComparison.Ordinal);
        e = await Bad(new CreateDeviceRequest([new DeviceIdentityDto("TR-069!", "x")]));
        Assert.Contains("protocol 'TR-069!'", e.Message, StringComparison.Ordinal);
        e = await Bad(NewDevice(Unique(), tags: ["ok", "not ok"]));
        Assert.True(e.Errors!.ContainsKey("tags"));
        Assert.Contains("'not ok'", e.Message, StringComparison.Ordinal);
        e = await Assert.ThrowsAsync<QdmsApiException>(() => op.ListDevicesAsync(status: "sleeping"));
        Assert.True(e.Errors!.ContainsKey("status"));
    }

    [Fact]
    public async Task The_list_filters_and_pages_with_totals()
    {
        var (op, _, _) = await app.TenantUserAsync("operator");
        var run = Unique();
        var ids = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            var d = await op.CreateDeviceAsync(NewDevice($"{run}-{i}", protocol: i < 5 ? "tr069" : "lwm2m", tags: i % 2 == 0 ? ["even"] : [],
                provisionGroup: i < 2 ? "pg-" + run : null, updateGroup: i == 6 ? "pg-" + run : null, model: i == 3 ? "Special-X" : "Plain"));
            ids.Add(d.Id);
        }

        var page = await op.ListDevicesAsync(size: 3, page: 2);
        Assert.Equal(7, page.Total);
        Assert.Equal(ids.Skip(3).Take(3), page.Items.Select(d => d.Id));
        Assert.Equal(2, (await op.ListDevicesAsync(protocol: "lwm2m")).Total);
        Assert.Equal(4, (await op.ListDevicesAsync(tag: "even")).Total);
        Assert.Equal([ids[0], ids[1], ids[6]], (await op.ListDevicesAsync(group: "pg-" + run)).Items.Select(d => d.Id));
        Assert.Equal([ids[3]], (await op.ListDevicesAsync(q: "SPECIAL")).Items.Select(d => d.Id));
        Assert.Equal(7, (await op.ListDevicesAsync(q: run.ToUpperInvariant())).Total);
        Assert.Equal(7, (await op.ListDevicesAsync(status: "unknown")).Total);
        Assert.Equal(0, (await op.ListDevicesAsync(status: "online")).Total);
    }

    [Fact]
    public async Task Parameters_are_listed_in_path_order_under_a_prefix()
    {
        var (viewer, tenant, _) = await app.TenantUserAsync("viewer");
        var admin = await app.AdminAsync();
        var d = await admin.CreateDeviceAsync(NewDevice(Unique()) with { TenantId = tenant.Id });
        var now = DateTimeOffset.UtcNow;
        await app.Services.GetRequiredService<IDeviceParameterStore>().UpsertAsync(d.Id,
        [
            new DeviceParameter(d.Id, "Device.WiFi.SSID.1.SSID", "home", "string", true, now),
            new DeviceParameter(d.Id, "Device.DeviceInfo.UpTime", "42", "unsignedInt", false, now),
            new DeviceParameter(d.Id, "Device.WiFi.Radio.1.Channel", "6", "unsignedInt", true, now),
        ], default);
        var wifi = await viewer.ListParametersAsync(d.Id, "Device.WiFi.");
        Assert.Equal(["Device.WiFi.Radio.1.Channel", "Device.WiFi.SSID.1.SSID"], wifi.Select(p => p.Path));
        Assert.Equal(3, (await viewer.ListParametersAsync(d.Id)).Count);
    }

    [Fact]
    public async Task A_task_is_accepted_with_its_location_and_shows_each_transition()
    {
        var (op, _, user) = await app.TenantUserAsync("operator");
        var d = await op.CreateDeviceAsync(NewDevice(Unique()));
        using var response = await op.Http.PostAsJsonAsync($"api/v1/devices/{d.Id}/tasks",
            new CreateTaskRequest("set", JsonDocument.Parse("""{"values":{"Device.X":"1"}}""").RootElement, 600), QdmsClient.Json);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var task = (await response.Content.ReadFromJsonAsync<DeviceTaskDto>(QdmsClient.Json))!;
        Assert.Equal($"/api/v1/tasks/{task.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(("queued", "set", user.Username), (task.Status, task.Kind, task.CreatedBy));
        Assert.Equal("1", task.Arguments!.Value.GetProperty("values").GetProperty("Device.X").GetString());
        Assert.InRange((task.ExpiresAt!.Value - task.CreatedAt).TotalSeconds, 599, 601);

        var store = app.Services.GetRequiredService<IDeviceTaskStore>();
        Assert.True(await store.MarkSentAsync(task.Id, DateTimeOffset.UtcNow, default));
        Assert.Equal("sent", (await op.GetTaskAsync(task.Id)).Status);
        Assert.True(await store.MarkDoneAsync(task.Id, """{"ok":true}""", DateTimeOffset.UtcNow, default));
        var done = await op.GetTaskAsync(task.Id);
        Assert.Equal("done", done.Status);
        Assert.True(done.Result!.Value.GetProperty("ok").GetBoolean());

        var failing = await op.CreateTaskAsync(d.Id, new CreateTaskRequest("reboot"));
        Assert.True(await store.MarkFailedAsync(failing.Id, "9001", "Request denied", DateTimeOffset.UtcNow, default));
        var failed = await op.GetTaskAsync(failing.Id);
        Assert.Equal(("failed", "9001", "Request denied"), (failed.Status, failed.FaultCode, failed.FaultMessage));
        Assert.Equal([failing.Id], (await op.ListTasksAsync(d.Id, "failed")).Select(t => t.Id));
        Assert.Equal([failing.Id, task.Id], (await op.ListTasksAsync(d.Id)).Select(t => t.Id));
    }

    [Fact]
    public async Task Bad_tasks_are_400s_naming_the_problem()
    {
        var (op, _, _) = await app.TenantUserAsync("operator");
        var d = await op.CreateDeviceAsync(NewDevice(Unique()));
        async Task<QdmsApiException> Bad(CreateTaskRequest r) => await Assert.ThrowsAsync<QdmsApiException>(() => op.CreateTaskAsync(d.Id, r));

        var e = await Bad(new CreateTaskRequest("explode"));
        Assert.Equal(400, e.Status);
        Assert.Contains("unknown task kind 'explode'", e.Message, StringComparison.Ordinal);
        e = await Bad(new CreateTaskRequest("get", JsonDocument.Parse("[1,2]").RootElement));
        Assert.True(e.Errors!.ContainsKey("arguments"));
        Assert.Contains("JSON object", e.Message, StringComparison.Ordinal);
        e = await Bad(new CreateTaskRequest("set", JsonDocument.Parse("""{"value":1}""").RootElement));
        Assert.Contains("\"values\"", e.Message, StringComparison.Ordinal);
        e = await Bad(new CreateTaskRequest("reboot", null, 0));
        Assert.True(e.Errors!.ContainsKey("expiresInSeconds"));

        using var raw = await op.Http.PostAsync($"api/v1/devices/{d.Id}/tasks", new StringContent("""{"kind":"get","arguments":{"a":}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, raw.StatusCode);
        Assert.Empty(await op.ListTasksAsync(d.Id));
    }

    [Fact]
    public async Task A_viewer_reads_but_cannot_write()
    {
        var (viewer, tenant, _) = await app.TenantUserAsync("viewer");
        var admin = await app.AdminAsync();
        var d = await admin.CreateDeviceAsync(NewDevice(Unique()) with { TenantId = tenant.Id });
        Assert.Equal(d.Id, (await viewer.GetDeviceAsync(d.Id)).Id);
        Assert.Equal(1, (await viewer.ListDevicesAsync()).Total);
        Assert.Equal(403, (await Assert.ThrowsAsync<QdmsApiException>(() => viewer.CreateDeviceAsync(NewDevice(Unique())))).Status);
        Assert.Equal(403, (await Assert.ThrowsAsync<QdmsApiException>(() => viewer.UpdateDeviceAsync(d.Id, new UpdateDeviceRequest(Name: "x")))).Status);
        Assert.Equal(403, (await Assert.ThrowsAsync<QdmsApiException>(() => viewer.DeleteDeviceAsync(d.Id))).Status);
        Assert.Equal(403, (await Assert.ThrowsAsync<QdmsApiException>(() => viewer.CreateTaskAsync(d.Id, new CreateTaskRequest("reboot")))).Status);
        Assert.Equal(403, (await Assert.ThrowsAsync<QdmsApiException>(() => viewer.ImportDevicesAsync($"identities\ntr069:{Unique()}\n"))).Status);
        Assert.Equal("Acme", (await viewer.GetDeviceAsync(d.Id)).Manufacturer);
    }

    [Fact]
    public async Task The_device_authenticator_accepts_the_set_credentials_and_refuses_others()
    {
        var (op, tenant, _) = await app.TenantUserAsync("operator");
        var d = await op.CreateDeviceAsync(NewDevice(Unique()));
        var user = "cpe-" + Unique();
        var updated = await op.UpdateDeviceAsync(d.Id, new UpdateDeviceRequest(Credentials: new DeviceCredentialsDto(user, "s3cret-device-pass")));
        Assert.Equal(user, updated.CredentialsUsername);
        var json = await op.Http.GetStringAsync($"api/v1/devices/{d.Id}");
        Assert.DoesNotContain("s3cret", json, StringComparison.Ordinal);
        Assert.DoesNotContain("pbkdf2", json, StringComparison.Ordinal);

        var auth = app.Services.GetRequiredService<IDeviceAuthenticator>();
        Assert.Equal(new AuthenticatedDevice(d.Id, tenant.Id), await auth.VerifyAsync(user, "s3cret-device-pass", default));
        Assert.Null(await auth.VerifyAsync(user, "wrong-password", default));
        Assert.Null(await auth.VerifyAsync("nobody-" + Unique(), "s3cret-device-pass", default));

        await op.UpdateDeviceAsync(d.Id, new UpdateDeviceRequest(RemoveCredentials: true));
        Assert.Null(await auth.VerifyAsync(user, "s3cret-device-pass", default));
        var e = await Assert.ThrowsAsync<QdmsApiException>(() => op.UpdateDeviceAsync(d.Id, new UpdateDeviceRequest(Credentials: new DeviceCredentialsDto("a:b", "long-enough"))));
        Assert.True(e.Errors!.ContainsKey("credentials.username"));
    }

    [Fact]
    public async Task A_taken_device_user_name_is_a_409_that_leaves_nothing_written()
    {
        var (op, _, _) = await app.TenantUserAsync("operator");
        var user = "cpe-" + Unique();
        var first = await op.CreateDeviceAsync(NewDevice(Unique()) with { Credentials = new DeviceCredentialsDto(user, "first-device-pass") });
        Assert.Equal(user, first.CredentialsUsername);

        var key = Unique();
        var e = await Assert.ThrowsAsync<QdmsApiException>(() => op.CreateDeviceAsync(NewDevice(key) with { Credentials = new DeviceCredentialsDto(user, "other-device-pass") }));
        Assert.Equal(409, e.Status);
        Assert.Equal(0, (await op.ListDevicesAsync(q: key)).Total);

        var second = await op.CreateDeviceAsync(NewDevice(Unique(), name: "Second"));
        e = await Assert.ThrowsAsync<QdmsApiException>(() => op.UpdateDeviceAsync(second.Id, new UpdateDeviceRequest(Name: "Renamed", Credentials: new DeviceCredentialsDto(user, "other-device-pass"))));
        Assert.Equal(409, e.Status);
        var after = await op.GetDeviceAsync(second.Id);
        Assert.Equal(("Second", null), (after.Name, after.CredentialsUsername));
        Assert.Equal(new AuthenticatedDevice(first.Id, first.TenantId),
            await app.Services.GetRequiredService<IDeviceAuthenticator>().VerifyAsync(user, "first-device-pass", default));
    }
}

public sealed class SqliteDevicesTests(SqliteApp app) : DevicesTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDevicesTests(PostgresApp app) : DevicesTests(app), IClassFixture<PostgresApp>;
