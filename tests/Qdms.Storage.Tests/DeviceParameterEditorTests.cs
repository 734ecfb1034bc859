using Qdms.Core.Devices;
using Qdms.Storage.Stores;
using static Qdms.Storage.Tests.DeviceTestData;

namespace Qdms.Storage.Tests;

public abstract class DeviceParameterEditorTests(TestDatabase database)
{
    private readonly SqlDeviceStore _devices = new(database.Db);
    private readonly SqlDeviceParameterStore _parameters = new(database.Db);
    private readonly SqlDeviceParameterEditor _editor = new(database.Db);

    [Fact]
    public async Task Removing_a_partial_path_deletes_that_subtree_only_and_wildcard_characters_are_literal()
    {
        var tenant = await NewTenantAsync(database.Db);
        var d = await _devices.CreateAsync(tenant, Draft(Unique()), Now, default);
        var other = await _devices.CreateAsync(tenant, Draft(Unique()), Now, default);
        string[] paths = ["Device.WiFi.SSID.2.SSID", "Device.WiFi.SSID.2.Enable", "Device.WiFi.SSID.20.SSID", "Device.WiFi.SSID.1.SSID", "Device.X_A_B.1.C", "Device.XxAxB.1.C"];
        await _parameters.UpsertAsync(d.Id, paths.Select(p => new DeviceParameter(d.Id, p, "v", "string", true, Now)).ToList(), default);
        await _parameters.UpsertAsync(other.Id, [new DeviceParameter(other.Id, "Device.WiFi.SSID.2.SSID", "v", "string", true, Now)], default);

        Assert.Equal(2, await _editor.RemoveAsync(d.Id, "Device.WiFi.SSID.2.", default));
        Assert.Equal(1, await _editor.RemoveAsync(d.Id, "Device.X_A_B.", default));

        Assert.Equal(["Device.WiFi.SSID.1.SSID", "Device.WiFi.SSID.20.SSID", "Device.XxAxB.1.C"], (await _parameters.ListAsync(d.Id, null, default)).Select(p => p.Path));
        Assert.Single(await _parameters.ListAsync(other.Id, null, default));
    }

    [Fact]
    public async Task Removing_a_full_name_deletes_that_parameter_only()
    {
        var d = await _devices.CreateAsync(await NewTenantAsync(database.Db), Draft(Unique()), Now, default);
        await _parameters.UpsertAsync(d.Id, [new DeviceParameter(d.Id, "Device.A.B", "1", "string", false, Now), new DeviceParameter(d.Id, "Device.A.BC", "2", "string", false, Now)], default);

        Assert.Equal(1, await _editor.RemoveAsync(d.Id, "Device.A.B", default));
        Assert.Equal(0, await _editor.RemoveAsync(d.Id, "Device.A.B", default));
        Assert.Equal("Device.A.BC", Assert.Single(await _parameters.ListAsync(d.Id, null, default)).Path);
    }

    [Fact]
    public async Task Upserting_values_keeps_the_writable_flag_of_known_parameters_and_takes_it_for_new_ones()
    {
        var d = await _devices.CreateAsync(await NewTenantAsync(database.Db), Draft(Unique()), Now, default);
        await _parameters.UpsertAsync(d.Id, [new DeviceParameter(d.Id, "Device.A.Known", "1", "string", true, Now)], default);
        var later = Now.AddMinutes(1);

        await _editor.UpsertValuesAsync(d.Id,
            [new DeviceParameter(d.Id, "Device.A.Known", "2", "unsignedInt", false, later), new DeviceParameter(d.Id, "Device.A.New", "3", "string", false, later)], default);

        var all = await _parameters.ListAsync(d.Id, null, default);
        Assert.Equal(("2", "unsignedInt", true, later), all.Where(p => p.Path == "Device.A.Known").Select(p => (p.Value, p.Type, p.Writable, p.UpdatedAt)).Single());
        Assert.False(all.Single(p => p.Path == "Device.A.New").Writable);
    }
}

public sealed class SqliteDeviceParameterEditorTests(SqliteDatabase db) : DeviceParameterEditorTests(db), IClassFixture<SqliteDatabase>;

public sealed class PostgresDeviceParameterEditorTests(PostgresDatabase db) : DeviceParameterEditorTests(db), IClassFixture<PostgresDatabase>;
