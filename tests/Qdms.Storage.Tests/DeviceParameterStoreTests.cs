using Qdms.Core.Devices;
using Qdms.Storage.Stores;
using static Qdms.Storage.Tests.DeviceTestData;

namespace Qdms.Storage.Tests;

public abstract class DeviceParameterStoreTests(TestDatabase database)
{
    private readonly SqlDeviceStore _devices = new(database.Db);
    private readonly SqlDeviceParameterStore _parameters = new(database.Db);

    [Fact]
    public async Task A_batch_upsert_inserts_new_paths_and_replaces_known_ones()
    {
        var d = await _devices.CreateAsync(await NewTenantAsync(database.Db), Draft(Unique()), Now, default);
        var batch = Enumerable.Range(0, 500).Select(i => new DeviceParameter(d.Id, $"Device.Hosts.Host.{i}.IPAddress", $"10.0.{i / 256}.{i % 256}", "string", false, Now)).ToList();
        await _parameters.UpsertAsync(d.Id, batch, default);
        var later = Now.AddMinutes(1);
        await _parameters.UpsertAsync(d.Id,
            [new DeviceParameter(d.Id, "Device.Hosts.Host.7.IPAddress", "192.0.2.1", "string", true, later), new DeviceParameter(d.Id, "Device.DeviceInfo.UpTime", "42", "unsignedInt", false, later)],
            default);
        var all = await _parameters.ListAsync(d.Id, null, default);
        Assert.Equal(501, all.Count);
        var changed = Assert.Single(all, p => p.Path == "Device.Hosts.Host.7.IPAddress");
        Assert.Equal(("192.0.2.1", true, later), (changed.Value, changed.Writable, changed.UpdatedAt));
        Assert.Equal("10.0.0.8", all.Single(p => p.Path == "Device.Hosts.Host.8.IPAddress").Value);
    }

    [Fact]
    public async Task Listing_by_prefix_returns_only_that_subtree_in_ordinal_path_order()
    {
        var d = await _devices.CreateAsync(await NewTenantAsync(database.Db), Draft(Unique()), Now, default);
        string[] paths = ["Device.WiFi.SSID.2.SSID", "Device.DeviceInfo.SoftwareVersion", "Device.WiFi.SSID.1.SSID", "Device.WiFi.Radio.1.Channel", "Device.WiFi_Other.X"];
        await _parameters.UpsertAsync(d.Id, paths.Select(p => new DeviceParameter(d.Id, p, "v", "string", true, Now)).ToList(), default);
        var wifi = await _parameters.ListAsync(d.Id, "Device.WiFi.", default);
        Assert.Equal(["Device.WiFi.Radio.1.Channel", "Device.WiFi.SSID.1.SSID", "Device.WiFi.SSID.2.SSID"], wifi.Select(p => p.Path));
        Assert.Equal(paths.Order(StringComparer.Ordinal), (await _parameters.ListAsync(d.Id, null, default)).Select(p => p.Path));
    }
}

public sealed class SqliteDeviceParameterStoreTests(SqliteDatabase db) : DeviceParameterStoreTests(db), IClassFixture<SqliteDatabase>;

public sealed class PostgresDeviceParameterStoreTests(PostgresDatabase db) : DeviceParameterStoreTests(db), IClassFixture<PostgresDatabase>;
