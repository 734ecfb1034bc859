using Qdms.Core.Events;
using Qdms.Core.Paging;
using Qdms.Core.Security;
using Qdms.Storage.Stores;
using static Qdms.Storage.Tests.DeviceTestData;

namespace Qdms.Storage.Tests;

public abstract class DeviceEventStoreTests(TestDatabase database)
{
    private readonly SqlDeviceStore _devices = new(database.Db);
    private readonly SqlDeviceEventStore _events = new(database.Db);

    [Fact]
    public async Task Events_list_newest_first_with_their_fields_and_filters()
    {
        var tenant = await NewTenantAsync(database.Db);
        var d = await _devices.CreateAsync(tenant, Draft(Unique()), Now, default);
        await _events.AppendAsync(
        [
            new NewDeviceEvent(tenant, d.Id, "snmp", "trap", EventSeverity.Warning, Now, "linkDown", "udp:127.0.0.1:40000", """{"trapOid":"1.3.6.1.6.3.1.1.5.3"}"""),
            new NewDeviceEvent(tenant, d.Id, "tr069", "1 BOOT", EventSeverity.Info, Now.AddSeconds(1), "boot"),
            new NewDeviceEvent(tenant, d.Id, "snmp", "inform", EventSeverity.Major, Now.AddSeconds(2), "coldStart"),
        ], default);

        var all = await _events.ListAsync(TenantScope.Of(tenant), new DeviceEventQuery(DeviceId: d.Id), new PageRequest(1, 10), default);
        Assert.Equal(3, all.Total);
        Assert.Equal(["inform", "1 BOOT", "trap"], all.Items.Select(e => e.Type));
        var trap = all.Items[2];
        Assert.Equal((tenant, d.Id, "snmp", EventSeverity.Warning, Now, "linkDown", "udp:127.0.0.1:40000", """{"trapOid":"1.3.6.1.6.3.1.1.5.3"}"""),
            (trap.TenantId!.Value, trap.DeviceId!.Value, trap.Source, trap.Severity, trap.Time, trap.Message, trap.Origin, trap.DataJson));

        var snmp = await _events.ListAsync(TenantScope.Of(tenant), new DeviceEventQuery(Source: "snmp", MinSeverity: EventSeverity.Warning), new PageRequest(1, 10), default);
        Assert.Equal(["inform", "trap"], snmp.Items.Select(e => e.Type));
        var window = await _events.ListAsync(TenantScope.Of(tenant), new DeviceEventQuery(From: Now.AddSeconds(1), To: Now.AddSeconds(2)), new PageRequest(1, 10), default);
        Assert.Equal(["1 BOOT"], window.Items.Select(e => e.Type));
    }

    [Fact]
    public async Task Another_tenant_and_unknown_sources_are_invisible_to_a_tenant_but_visible_to_all()
    {
        var mine = await NewTenantAsync(database.Db);
        var theirs = await NewTenantAsync(database.Db);
        var d = await _devices.CreateAsync(theirs, Draft(Unique()), Now, default);
        var origin = $"udp:192.0.2.{Random.Shared.Next(1, 250)}:{Random.Shared.Next(1024, 65000)}";
        await _events.AppendAsync(
        [
            new NewDeviceEvent(theirs, d.Id, "snmp", "trap", EventSeverity.Info, Now, "theirs"),
            new NewDeviceEvent(null, null, "snmp", "trap", EventSeverity.Info, Now, "from nobody", origin),
        ], default);

        Assert.Equal(0, (await _events.ListAsync(TenantScope.Of(mine), new DeviceEventQuery(), new PageRequest(1, 10), default)).Total);
        var unknown = await _events.ListAsync(TenantScope.All, new DeviceEventQuery(UnknownSourceOnly: true, From: Now, To: Now.AddSeconds(1)), new PageRequest(1, 1000), default);
        Assert.Contains(unknown.Items, e => e.Origin == origin && e.DeviceId is null && e.TenantId is null);
    }

    [Fact]
    public async Task Deleting_a_device_deletes_its_events_and_old_events_are_pruned()
    {
        var tenant = await NewTenantAsync(database.Db);
        var gone = await _devices.CreateAsync(tenant, Draft(Unique()), Now, default);
        var kept = await _devices.CreateAsync(tenant, Draft(Unique()), Now, default);
        var old = DateTimeOffset.FromUnixTimeMilliseconds(1_000);
        await _events.AppendAsync(
        [
            new NewDeviceEvent(tenant, gone.Id, "snmp", "trap", EventSeverity.Info, Now, "x"),
            new NewDeviceEvent(tenant, kept.Id, "snmp", "trap", EventSeverity.Info, Now, "new"),
            new NewDeviceEvent(tenant, kept.Id, "snmp", "trap", EventSeverity.Info, old, "old"),
        ], default);
        await _devices.DeleteAsync(gone.Id, TenantScope.All, default);
        Assert.True(await _events.DeleteOlderThanAsync(old.AddMilliseconds(1), default) >= 1);

        var left = await _events.ListAsync(TenantScope.Of(tenant), new DeviceEventQuery(), new PageRequest(1, 10), default);
        Assert.Equal(["new"], left.Items.Select(e => e.Message));
    }
}

public sealed class SqliteDeviceEventStoreTests(SqliteDatabase db) : DeviceEventStoreTests(db), IClassFixture<SqliteDatabase>;

public sealed class PostgresDeviceEventStoreTests(PostgresDatabase db) : DeviceEventStoreTests(db), IClassFixture<PostgresDatabase>;
