using System.Net.Http.Json;
using Qdms.Client;
using Qdms.Contracts;
using Qdms.Server.Tests.Support;

namespace Qdms.Server.Tests.Portal;

/// <summary><c>GET /api/v1/devices/summary</c> and the exact model and firmware filters of the device list (the dashboard's figures and links).</summary>
public abstract class DeviceAggregatesTests(QdmsAppFactory app)
{
    [Fact]
    public async Task The_summary_counts_the_callers_devices_by_status_protocol_model_and_firmware()
    {
        var (user, _, _) = await app.TenantUserAsync("admin");
        var (other, _, _) = await app.TenantUserAsync("admin");
        var tag = DevicesTests.Unique();
        for (var i = 0; i < 3; i++)
        {
            await user.CreateDeviceAsync(Device(tag, "tr069", "GW-1", "1.0"));
        }

        await user.CreateDeviceAsync(Device(tag, "tr069", "GW-2", "2.0"));
        // Two identities: the device counts once for each protocol, once in the total.
        await user.CreateDeviceAsync(new CreateDeviceRequest(
            [new DeviceIdentityDto("snmp", "10.0.0.1:161-" + DevicesTests.Unique()), new DeviceIdentityDto("lwm2m", "ep-" + DevicesTests.Unique())],
            Model: null, FirmwareVersion: null));
        await other.CreateDeviceAsync(Device(tag, "tr069", "GW-1", "1.0")); // another tenant's: never counted for user

        var s = await user.GetDeviceAggregatesAsync();
        Assert.Equal(5, s.Total);
        Assert.Equal([new DeviceGroupCountDto("unknown", 5)], s.ByStatus);
        Assert.Equal([new("tr069", 4), new("lwm2m", 1), new("snmp", 1)], s.ByProtocol);
        Assert.Equal([new("GW-1", 3), new("GW-2", 1), new(null, 1)], Sorted(s.ByModel));
        Assert.Equal([new("1.0", 3), new("2.0", 1), new(null, 1)], Sorted(s.ByFirmwareVersion));

        var top = await user.GetDeviceAggregatesAsync(limit: 1);
        Assert.Equal([new DeviceGroupCountDto("GW-1", 3)], top.ByModel);
        Assert.Equal([new DeviceGroupCountDto("tr069", 4)], top.ByProtocol);

        // A sysop counts every tenant: at least both tenants' devices.
        var all = await (await app.AdminAsync()).GetDeviceAggregatesAsync(limit: 100);
        Assert.True(all.ByModel.Single(g => g.Key == "GW-1").Count >= 4);
        Assert.True(all.ByProtocol.Single(g => g.Key == "tr069").Count >= 5);
    }

    [Fact]
    public async Task The_list_filters_by_exact_model_and_firmware_version()
    {
        var (user, _, _) = await app.TenantUserAsync("operator");
        var tag = DevicesTests.Unique();
        var a = await user.CreateDeviceAsync(Device(tag, "tr069", "GW-" + tag, "7.1"));
        var b = await user.CreateDeviceAsync(Device(tag, "tr069", "GW-" + tag, "7.2"));
        await user.CreateDeviceAsync(Device(tag, "tr069", "GW-" + tag + "-pro", "7.1")); // a prefix match is not a model match

        Assert.Equal([a.Id, b.Id], (await user.ListDevicesOfReleaseAsync("GW-" + tag, null)).Items.Select(d => d.Id));
        Assert.Equal([b.Id], (await user.ListDevicesOfReleaseAsync("GW-" + tag, "7.2")).Items.Select(d => d.Id));
        Assert.Equal(2, (await user.ListDevicesOfReleaseAsync(null, "7.1")).Total);

        // "" matches the devices that reported no model.
        var bare = await user.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("tr069", "bare-" + tag)]));
        var none = await user.Http.GetFromJsonAsync<PageDto<DeviceDto>>("api/v1/devices?model=");
        Assert.Equal([bare.Id], none!.Items.Select(d => d.Id));
    }

    [Fact]
    public async Task A_bad_limit_is_a_400_naming_it_and_the_route_needs_a_token()
    {
        var admin = await app.AdminAsync();
        var e = await Assert.ThrowsAsync<QdmsApiException>(() => admin.GetDeviceAggregatesAsync(limit: 0));
        Assert.Equal(400, e.Status);
        Assert.Contains("limit", e.Errors!.Keys);
        var anonymous = await Assert.ThrowsAsync<QdmsApiException>(() => app.Anonymous().GetDeviceAggregatesAsync());
        Assert.Equal(401, anonymous.Status);
    }

    private static CreateDeviceRequest Device(string tag, string protocol, string model, string firmware) =>
        new([new DeviceIdentityDto(protocol, $"{tag}-{DevicesTests.Unique()}")], Model: model, FirmwareVersion: firmware, Tags: [tag]);

    /// <summary>Largest first; the null group (ties with others at 1) last, as the two databases order NULLs differently.</summary>
    private static List<DeviceGroupCountDto> Sorted(IEnumerable<DeviceGroupCountDto> groups) =>
        [.. groups.OrderByDescending(g => g.Count).ThenBy(g => g.Key is null).ThenBy(g => g.Key, StringComparer.Ordinal)];
}

public sealed class SqliteDeviceAggregatesTests(SqliteApp app) : DeviceAggregatesTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDeviceAggregatesTests(PostgresApp app) : DeviceAggregatesTests(app), IClassFixture<PostgresApp>;
