using Microsoft.Extensions.DependencyInjection;
using Qdms.Client;
using Qdms.Core.Events;
using Qdms.Server.Tests.Support;

namespace Qdms.Server.Tests;

/// <summary>Device events through the API and CLI: filters, the device route, tenant isolation and unknown sources.</summary>
public abstract class EventsApiTests(QdmsAppFactory app)
{
    private IDeviceEventStore Store => app.Services.GetRequiredService<IDeviceEventStore>();

    [Fact]
    public async Task A_devices_events_list_newest_first_with_data_and_filter_by_severity()
    {
        var (client, tenant, _) = await app.TenantUserAsync("viewer");
        var admin = await app.AdminAsync();
        var d = await admin.CreateDeviceAsync(DevicesTests.NewDevice("ev-" + DevicesTests.Unique()) with { TenantId = tenant.Id });
        var t0 = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        await Store.AppendAsync(
        [
            new NewDeviceEvent(tenant.Id, d.Id, "snmp", "trap", EventSeverity.Warning, t0, "linkDown", "udp:127.0.0.1:4000", """{"trapOid":"1.3.6.1.6.3.1.1.5.3"}"""),
            new NewDeviceEvent(tenant.Id, d.Id, "tr069", "1 BOOT", EventSeverity.Info, t0.AddSeconds(1), "boot"),
        ], default);

        var all = await client.ListEventsAsync(deviceId: d.Id);
        Assert.Equal(["1 BOOT", "trap"], all.Items.Select(e => e.Type));
        var trap = all.Items[1];
        Assert.Equal(("warning", "udp:127.0.0.1:4000", t0), (trap.Severity, trap.Origin, trap.Time));
        Assert.Equal("1.3.6.1.6.3.1.1.5.3", trap.Data!.Value.GetProperty("trapOid").GetString());
        Assert.Equal(["trap"], (await client.ListEventsAsync(severity: "warning")).Items.Select(e => e.Type));
        Assert.Equal(["1 BOOT"], (await client.ListEventsAsync(source: "tr069")).Items.Select(e => e.Type));

        var bad = await Assert.ThrowsAsync<QdmsApiException>(() => client.ListEventsAsync(severity: "loud"));
        Assert.Equal(400, bad.Status);
        Assert.Contains("severity", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_tenants_events_and_unknown_sources_stay_hidden_from_a_tenant()
    {
        var (owner, ownerTenant, _) = await app.TenantUserAsync("admin");
        var (intruder, _, _) = await app.TenantUserAsync("admin");
        var d = await owner.CreateDeviceAsync(DevicesTests.NewDevice("ev-" + DevicesTests.Unique()));
        var origin = "udp:192.0.2.9:" + Random.Shared.Next(1024, 60000);
        await Store.AppendAsync(
        [
            new NewDeviceEvent(ownerTenant.Id, d.Id, "snmp", "trap", EventSeverity.Info, DateTimeOffset.UtcNow, "owner's"),
            new NewDeviceEvent(null, null, "snmp", "trap", EventSeverity.Info, DateTimeOffset.UtcNow, "nobody's", origin),
        ], default);

        Assert.Equal(404, (await Assert.ThrowsAsync<QdmsApiException>(() => intruder.ListEventsAsync(deviceId: d.Id))).Status);
        Assert.Equal(0, (await intruder.ListEventsAsync()).Total);
        Assert.Equal(0, (await intruder.ListEventsAsync(unknownOnly: true)).Total);
        Assert.Equal(1, (await owner.ListEventsAsync()).Total);

        var sysop = await app.AdminAsync();
        Assert.Contains((await sysop.ListEventsAsync(unknownOnly: true, size: 1000)).Items, e => e.Origin == origin && e.DeviceId is null);
    }
}

public sealed class SqliteEventsApiTests(SqliteApp app) : EventsApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresEventsApiTests(PostgresApp app) : EventsApiTests(app), IClassFixture<PostgresApp>;
