using Qdms.Core.Devices;
using Qdms.Core.Events;
using Qdms.Core.Paging;
using Qdms.Core.Security;
using Qdms.Storage.Stores;
using static Qdms.Storage.Tests.DeviceTestData;

namespace Qdms.Storage.Tests;

/// <summary>Group commit of many devices' contacts (<see cref="IDeviceContactStore"/>).</summary>
public abstract class DeviceContactStoreTests(TestDatabase database)
{
    private readonly SqlDeviceStore _devices = new(database.Db);
    private readonly SqlDeviceParameterStore _parameters = new(database.Db);
    private readonly SqlDeviceEventStore _events = new(database.Db);

    [Fact]
    public async Task Many_contacts_are_recorded_in_one_call_with_their_reports_parameters_and_events()
    {
        var tenant = await NewTenantAsync(database.Db);
        var keys = Enumerable.Range(0, 20).Select(_ => Unique()).ToList();
        var devices = new List<Device>();
        foreach (var key in keys)
        {
            devices.Add(await _devices.CreateAsync(tenant, Draft(key, serial: "S-" + key), Now, default));
        }

        var later = Now.AddMinutes(5);
        var recorded = await _devices.RecordAsync([.. devices.Select((d, i) => Contact(d, keys[i], later, "v" + i))], default);

        Assert.All(recorded, Assert.True);
        for (var i = 0; i < devices.Count; i++)
        {
            var device = (await _devices.GetAsync(devices[i].Id, TenantScope.All, default))!;
            Assert.Equal(("Maker", "Box", "1.2." + i, later), (device.Manufacturer, device.Model, device.FirmwareVersion, device.LastContactAt));
            var parameters = await _parameters.ListAsync(devices[i].Id, null, default);
            Assert.Equal(["Device.A", "Device.B"], parameters.Select(p => p.Path));
            Assert.Equal("v" + i, parameters[0].Value);
            var events = await _events.ListAsync(TenantScope.All, new DeviceEventQuery(DeviceId: devices[i].Id), new PageRequest(1, 10), default);
            Assert.Equal("2 PERIODIC", Assert.Single(events.Items).Type);
        }

        // The search terms follow the new manufacturer and model.
        Assert.Equal(20, (await _devices.ListAsync(TenantScope.Of(tenant), new DeviceQuery(Search: "Maker"), new PageRequest(1, 50), default)).Total);
    }

    [Fact]
    public async Task An_unchanged_value_is_not_rewritten_and_the_writable_flag_is_kept()
    {
        var tenant = await NewTenantAsync(database.Db);
        var key = Unique();
        var d = await _devices.CreateAsync(tenant, Draft(key), Now, default);
        await _parameters.UpsertAsync(d.Id, [new DeviceParameter(d.Id, "Device.A", "same", "string", true, Now), new DeviceParameter(d.Id, "Device.B", "old", "string", true, Now)], default);

        var later = Now.AddMinutes(5);
        var contact = Contact(d, key, later, "same") with { Parameters = [new DeviceParameter(d.Id, "Device.A", "same", "string", false, later), new DeviceParameter(d.Id, "Device.B", "new", "string", false, later)] };
        Assert.True(Assert.Single(await _devices.RecordAsync([contact], default)));

        var parameters = await _parameters.ListAsync(d.Id, null, default);
        Assert.Equal(("same", true, Now), (parameters[0].Value, parameters[0].Writable, parameters[0].UpdatedAt));
        Assert.Equal(("new", true, later), (parameters[1].Value, parameters[1].Writable, parameters[1].UpdatedAt));
    }

    [Fact]
    public async Task A_contact_whose_device_is_gone_or_no_longer_owns_the_identity_is_not_written_and_the_others_are()
    {
        var tenant = await NewTenantAsync(database.Db);
        var (k1, k2, k3) = (Unique(), Unique(), Unique());
        var kept = await _devices.CreateAsync(tenant, Draft(k1), Now, default);
        var deleted = await _devices.CreateAsync(tenant, Draft(k2), Now, default);
        var other = await _devices.CreateAsync(tenant, Draft(k3), Now, default);
        Assert.True(await _devices.DeleteAsync(deleted.Id, TenantScope.All, default));

        var recorded = await _devices.RecordAsync([Contact(kept, k1, Now, "x"), Contact(deleted, k2, Now, "x"), Contact(other, k1, Now, "x")], default);

        Assert.Equal([true, false, false], recorded);
        Assert.Equal(2, (await _parameters.ListAsync(kept.Id, null, default)).Count);
        Assert.Empty(await _parameters.ListAsync(other.Id, null, default));
    }

    private static DeviceContact Contact(Device d, string key, DateTimeOffset at, string value) => new(
        d.Id, new DeviceIdentity("tr069", key), new DeviceReport("Maker", "Box", null, "1.2." + value.TrimStart('v'), "192.0.2.9", DeviceStatus.Online), at,
        [new DeviceParameter(d.Id, "Device.A", value, "string", false, at), new DeviceParameter(d.Id, "Device.B", "b", "string", false, at)],
        [new NewDeviceEvent(d.TenantId, d.Id, "tr069", "2 PERIODIC", EventSeverity.Info, at, "Inform", "http:192.0.2.9")]);
}

public sealed class SqliteDeviceContactStoreTests(SqliteDatabase db) : DeviceContactStoreTests(db), IClassFixture<SqliteDatabase>;

public sealed class PostgresDeviceContactStoreTests(PostgresDatabase db) : DeviceContactStoreTests(db), IClassFixture<PostgresDatabase>;
