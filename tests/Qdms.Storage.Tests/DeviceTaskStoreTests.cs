using Qdms.Core.Devices;
using Qdms.Core.Security;
using Qdms.Storage.Stores;
using static Qdms.Storage.Tests.DeviceTestData;

namespace Qdms.Storage.Tests;

public abstract class DeviceTaskStoreTests(TestDatabase database)
{
    private readonly SqlDeviceStore _devices = new(database.Db);
    private readonly SqlDeviceTaskStore _tasks = new(database.Db);
    private readonly SqlDeviceParameterStore _parameters = new(database.Db);

    private async Task<Device> NewDeviceAsync() => await _devices.CreateAsync(await NewTenantAsync(database.Db), Draft(Unique()), Now, default);

    private Task<DeviceTask> QueueAsync(Device d, string kind, DateTimeOffset? expires, DateTimeOffset at) =>
        _tasks.CreateAsync(new NewDeviceTask(d.Id, d.TenantId, kind, null, expires, "tester"), at, default);

    [Fact]
    public async Task Due_tasks_are_the_queued_unexpired_ones_oldest_first()
    {
        var d = await NewDeviceAsync();
        var first = await QueueAsync(d, "reboot", Now.AddHours(1), Now);
        var expired = await QueueAsync(d, "get", Now.AddSeconds(-1), Now);
        var sent = await QueueAsync(d, "refresh", null, Now);
        var second = await QueueAsync(d, "get", null, Now.AddSeconds(1));
        Assert.True(await _tasks.MarkSentAsync(sent.Id, Now, default));
        var due = await _tasks.ListDueAsync(d.Id, Now, default);
        Assert.Equal([first.Id, second.Id], due.Select(t => t.Id));
        Assert.DoesNotContain(due, t => t.Id == expired.Id);
    }

    [Fact]
    public async Task A_task_moves_queued_to_sent_to_done_and_never_back()
    {
        var d = await NewDeviceAsync();
        var t = await QueueAsync(d, "get", null, Now);
        Assert.True(await _tasks.MarkSentAsync(t.Id, Now, default));
        Assert.False(await _tasks.MarkSentAsync(t.Id, Now, default));
        Assert.True(await _tasks.MarkDoneAsync(t.Id, """{"values":{"a":"1"}}""", Now.AddSeconds(2), default));
        Assert.False(await _tasks.MarkFailedAsync(t.Id, "9002", "late fault", Now, default));
        var read = (await _tasks.GetAsync(t.Id, TenantScope.Of(d.TenantId), default))!;
        Assert.Equal(DeviceTaskStatus.Done, read.Status);
        Assert.Equal("""{"values":{"a":"1"}}""", read.Result);
        Assert.Equal(Now.AddSeconds(2), read.UpdatedAt);
        Assert.Null(await _tasks.GetAsync(t.Id, TenantScope.Of(d.TenantId + 100_000), default));
    }

    [Fact]
    public async Task A_failed_task_keeps_its_fault()
    {
        var d = await NewDeviceAsync();
        var t = await QueueAsync(d, "set", null, Now);
        Assert.True(await _tasks.MarkFailedAsync(t.Id, "9007", "Invalid parameter value", Now, default));
        var read = (await _tasks.GetAsync(t.Id, TenantScope.All, default))!;
        Assert.Equal((DeviceTaskStatus.Failed, "9007", "Invalid parameter value"), (read.Status, read.FaultCode, read.FaultMessage));
        Assert.Equal([t.Id], (await _tasks.ListForDeviceAsync(d.Id, DeviceTaskStatus.Failed, TenantScope.All, 10, default)).Select(x => x.Id));
        Assert.Empty(await _tasks.ListForDeviceAsync(d.Id, DeviceTaskStatus.Queued, TenantScope.All, 10, default));
    }

    [Fact]
    public async Task Expiring_moves_only_overdue_queued_or_sent_tasks()
    {
        var d = await NewDeviceAsync();
        var overdue = await QueueAsync(d, "get", Now.AddSeconds(-10), Now.AddMinutes(-1));
        var overdueSent = await QueueAsync(d, "get", Now.AddSeconds(-5), Now.AddMinutes(-1));
        await _tasks.MarkSentAsync(overdueSent.Id, Now.AddMinutes(-1), default);
        var doneEarlier = await QueueAsync(d, "get", Now.AddSeconds(-5), Now.AddMinutes(-1));
        await _tasks.MarkDoneAsync(doneEarlier.Id, null, Now.AddMinutes(-1), default);
        var future = await QueueAsync(d, "get", Now.AddHours(1), Now);
        Assert.True(await _tasks.ExpireOverdueAsync(Now, default) >= 2);
        Assert.Equal(DeviceTaskStatus.Expired, (await _tasks.GetAsync(overdue.Id, TenantScope.All, default))!.Status);
        Assert.Equal(DeviceTaskStatus.Expired, (await _tasks.GetAsync(overdueSent.Id, TenantScope.All, default))!.Status);
        Assert.Equal(DeviceTaskStatus.Done, (await _tasks.GetAsync(doneEarlier.Id, TenantScope.All, default))!.Status);
        Assert.Equal(DeviceTaskStatus.Queued, (await _tasks.GetAsync(future.Id, TenantScope.All, default))!.Status);
    }

    [Fact]
    public async Task Deleting_a_device_deletes_its_tasks_and_parameters()
    {
        var d = await NewDeviceAsync();
        var t = await QueueAsync(d, "get", null, Now);
        await _parameters.UpsertAsync(d.Id, [new DeviceParameter(d.Id, "Device.X", "1", "int", false, Now)], default);
        Assert.True(await _devices.DeleteAsync(d.Id, TenantScope.Of(d.TenantId), default));
        Assert.Null(await _tasks.GetAsync(t.Id, TenantScope.All, default));
        Assert.Empty(await _parameters.ListAsync(d.Id, null, default));
        Assert.Null(await _devices.FindByIdentityAsync(d.Identities[0], default));
    }
}

public sealed class SqliteDeviceTaskStoreTests(SqliteDatabase db) : DeviceTaskStoreTests(db), IClassFixture<SqliteDatabase>;

public sealed class PostgresDeviceTaskStoreTests(PostgresDatabase db) : DeviceTaskStoreTests(db), IClassFixture<PostgresDatabase>;
