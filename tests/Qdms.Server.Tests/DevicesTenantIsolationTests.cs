using System.Net;
using Qdms.Client;
using Qdms.Contracts;
using Qdms.Server.Tests.Support;

namespace Qdms.Server.Tests;

/// <summary>A tenant's user never sees, reads, changes, deletes, exports or queues tasks on another tenant's device through any route.</summary>
public abstract class DevicesTenantIsolationTests(QdmsAppFactory app)
{
    [Fact]
    public async Task Another_tenants_device_is_absent_or_404_on_every_device_and_task_route()
    {
        var (owner, _, _) = await app.TenantUserAsync("admin");
        var (intruder, _, _) = await app.TenantUserAsync("admin");
        var key = "secret-box-" + DevicesTests.Unique();
        var d = await owner.CreateDeviceAsync(DevicesTests.NewDevice(key, tags: ["vip"], provisionGroup: "pg"));
        var task = await owner.CreateTaskAsync(d.Id, new CreateTaskRequest("reboot"));

        async Task NotFound(Func<Task> call) => Assert.Equal(404, (await Assert.ThrowsAsync<QdmsApiException>(call)).Status);
        await NotFound(() => intruder.GetDeviceAsync(d.Id));
        await NotFound(() => intruder.UpdateDeviceAsync(d.Id, new UpdateDeviceRequest(Name: "pwned")));
        await NotFound(() => intruder.UpdateDeviceAsync(d.Id, new UpdateDeviceRequest(Credentials: new DeviceCredentialsDto("x-" + key, "long-enough-pass"))));
        await NotFound(() => intruder.DeleteDeviceAsync(d.Id));
        await NotFound(() => intruder.ListParametersAsync(d.Id));
        await NotFound(() => intruder.CreateTaskAsync(d.Id, new CreateTaskRequest("factory-reset")));
        await NotFound(() => intruder.ListTasksAsync(d.Id));
        await NotFound(() => intruder.GetTaskAsync(task.Id));

        Assert.Equal(0, (await intruder.ListDevicesAsync()).Total);
        Assert.Equal(0, (await intruder.ListDevicesAsync(q: key)).Total);
        Assert.Equal(0, (await intruder.ListDevicesAsync(tag: "vip")).Total);
        var export = new StringWriter();
        await intruder.ExportDevicesAsync(export);
        Assert.DoesNotContain(key, export.ToString(), StringComparison.Ordinal);

        // An import naming the other tenant's identity is refused whole and changes nothing there.
        var e = await Assert.ThrowsAsync<QdmsApiException>(() => intruder.ImportDevicesAsync($"identities,name\ntr069:{key},pwned\n"));
        Assert.Equal(409, e.Status);

        var after = await owner.GetDeviceAsync(d.Id);
        Assert.Equal((key, null), (after.Name, after.CredentialsUsername));
        Assert.Equal(["reboot"], (await owner.ListTasksAsync(d.Id)).Select(t => t.Kind));
    }

    [Fact]
    public async Task A_tenant_user_cannot_create_a_device_in_another_tenant()
    {
        var (op, _, _) = await app.TenantUserAsync("operator");
        var (_, other, _) = await app.TenantUserAsync("viewer");
        var e = await Assert.ThrowsAsync<QdmsApiException>(() => op.CreateDeviceAsync(DevicesTests.NewDevice(DevicesTests.Unique()) with { TenantId = other.Id }));
        Assert.Equal(403, e.Status);
        using var response = await op.Http.PostAsync($"api/v1/devices/import?tenantId={other.Id}", new StringContent($"identities\ntr069:{DevicesTests.Unique()}\n", System.Text.Encoding.UTF8, "text/csv"));
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

public sealed class SqliteDevicesTenantIsolationTests(SqliteApp app) : DevicesTenantIsolationTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDevicesTenantIsolationTests(PostgresApp app) : DevicesTenantIsolationTests(app), IClassFixture<PostgresApp>;
