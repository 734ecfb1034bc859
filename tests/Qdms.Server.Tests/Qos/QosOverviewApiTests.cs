using Qdms.Client;
using Qdms.Contracts;
using Qdms.Core.Measurements;
using Qdms.Server.Tests.Cli;
using static Qdms.Server.Tests.Qos.QosTestData;

namespace Qdms.Server.Tests.Qos;

/// <summary>
/// What the portal's QoS page and dashboard panel need beyond a tag: rankings of a model or of every device, and
/// <c>GET /api/v1/qos/overview</c> (score bands, best and worst) — tenant-scoped, with the CLI's <c>qos overview</c>.
/// </summary>
public abstract class QosOverviewApiTests(QosApp app)
{
    private static readonly string[] Groups = ["rtt", "cpu_total_load", "memory_used", "network_egress_load", "network_ingress_load"];

    [Fact]
    public async Task The_overview_counts_measured_devices_by_band_and_names_the_best_and_the_worst()
    {
        var (owner, _, _) = await app.TenantUserAsync("operator");
        var (other, _, _) = await app.TenantUserAsync("viewer");
        var good = await HostAsync(owner, SystemName("Good"));
        var fair = await HostAsync(owner, SystemName("Fair"));
        var bad = await HostAsync(owner, SystemName("Bad"));
        var stale = await HostAsync(owner, SystemName("Stale"));
        await HostAsync(owner, SystemName("Never")); // never measured: not in the overview
        await RecordAsync(app, [.. Everywhere(good, 10), .. Everywhere(fair, 30), .. Everywhere(bad, 90), Level(stale, "cpu_total_load", 5, secondsAgo: 200)]);

        var overview = await owner.QosOverviewAsync(window: 60, top: 2);
        var foreign = await other.QosOverviewAsync();

        Assert.Equal((60, 4, 1), (overview.Window, overview.Measured, overview.NoData));
        Assert.Equal([1, 1, 0, 1], overview.Bands.Select(b => b.Count));
        Assert.Equal([0.0, 25, 50, 75], overview.Bands.Select(b => b.From));
        Assert.Equal([good.Id, fair.Id], overview.Best.Select(d => d.DeviceId));
        Assert.Equal([bad.Id, fair.Id], overview.Worst.Select(d => d.DeviceId));
        Assert.Equal([3, 2], overview.Worst.Select(d => d.Rank));
        Assert.Equal(good.Name, overview.Best[0].Name);
        Assert.Equal(5, overview.Best[0].Metrics.Count);
        Assert.Equal((0, 0), (foreign.Measured, foreign.Best.Count)); // another tenant's devices never show
    }

    [Fact]
    public async Task A_model_or_every_device_of_the_tenant_can_be_ranked()
    {
        var (owner, _, _) = await app.TenantUserAsync("operator");
        var (other, _, _) = await app.TenantUserAsync("operator");
        var model = "M-" + DevicesTests.Unique();
        var a = await owner.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("snmp", "a" + model)], Name: "a" + model, Model: model));
        var b = await owner.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("snmp", "b" + model)], Name: "b" + model, Model: model));
        var c = await owner.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("snmp", "c" + model)], Name: "c" + model, Model: "other"));
        await other.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("snmp", "x" + model)], Name: "x" + model, Model: model));
        await RecordAsync(app, Level(a, "memory_used", 70), Level(b, "memory_used", 20), Level(c, "memory_used", 1));

        var byModel = await owner.RankQosAsync(new QosRankRequest(Metrics: ["MEMORY_USED_MEAN"], Model: model));
        var all = await owner.RankQosAsync(new QosRankRequest(Metrics: ["MEMORY_USED_MEAN"], All: true));

        Assert.Equal([b.Id, a.Id], byModel.Devices.Select(d => d.DeviceId));
        Assert.Equal([c.Id, b.Id, a.Id], all.Devices.Select(d => d.DeviceId));
    }

    [Fact]
    public async Task Nothing_to_rank_and_a_bad_top_are_400s_naming_the_field()
    {
        var (owner, _, _) = await app.TenantUserAsync("viewer");

        var none = await Assert.ThrowsAsync<QdmsApiException>(() => owner.RankQosAsync(new QosRankRequest(All: false)));
        var top = await Assert.ThrowsAsync<QdmsApiException>(() => owner.QosOverviewAsync(top: 0));
        var window = await Assert.ThrowsAsync<QdmsApiException>(() => owner.QosOverviewAsync(window: 0));

        Assert.Equal((400, 400, 400), (none.Status, top.Status, window.Status));
        Assert.Contains("group", none.Message, StringComparison.Ordinal);
        Assert.Contains("top", top.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cli_prints_the_overview()
    {
        using var cli = await CliSignIn.TenantUserAsync(app, "viewer");
        var (owner, _, _) = await app.TenantUserAsync("operator");
        var d = await HostAsync(owner, SystemName("CliOverview"));
        await RecordAsync(app, Everywhere(d, 40));
        var sysop = await app.AdminAsync();

        var table = await cli.OkAsync("qos", "overview", "--window", "5m");
        var everyone = await sysop.QosOverviewAsync(window: 300, top: 50);

        Assert.Contains("0 measured devices", table, StringComparison.Ordinal); // the CLI's own tenant has none
        Assert.Contains(everyone.Best.Concat(everyone.Worst), x => x.DeviceId == d.Id); // the sysop sees every tenant
    }

    private static Measurement[] Everywhere(DeviceDto d, double percent) =>
        [.. Groups.Select(g => g == "rtt" ? Rtt(d, percent * 30) : Level(d, g, percent))]; // RTT as a share of the 3,000 ms timeout
}

public sealed class SqliteQosOverviewApiTests(SqliteQosApp app) : QosOverviewApiTests(app), IClassFixture<SqliteQosApp>;

public sealed class PostgresQosOverviewApiTests(PostgresQosApp app) : QosOverviewApiTests(app), IClassFixture<PostgresQosApp>;
