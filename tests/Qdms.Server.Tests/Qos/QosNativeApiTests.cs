using Qdms.Client;
using Qdms.Contracts;
using Qdms.Server.Tests.Cli;
using static Qdms.Server.Tests.Qos.QosTestData;

namespace Qdms.Server.Tests.Qos;

/// <summary>The native <c>/api/v1/qos</c> view and <c>qdms qos</c>: rankings by group with their breakdown, and KPI series.</summary>
public abstract class QosNativeApiTests(QosApp app)
{
    [Fact]
    public async Task A_group_is_ranked_best_first_with_each_metrics_part()
    {
        var (user, _, _) = await app.TenantUserAsync("viewer");
        var (owner, _, _) = await app.TenantUserAsync("operator");
        var tag = "rack-" + DevicesTests.Unique();
        var busy = await HostAsync(owner, SystemName("Busy"), tag);
        var idle = await HostAsync(owner, SystemName("Idle"), tag);
        await HostAsync(owner, SystemName("Elsewhere"));
        await RecordAsync(app, Level(busy, "cpu_total_load", 90), Level(idle, "cpu_total_load", 5), Rtt(busy, 300), Rtt(idle, 300));

        var ranking = await owner.RankQosAsync(new QosRankRequest(Group: tag, Metrics: ["CPU_TOTAL_LOAD_MEAN", "RTT_MEAN"], Weights: [1, 1], Window: 600));
        var foreign = await user.RankQosAsync(new QosRankRequest(Group: tag));

        Assert.Equal([idle.Id, busy.Id], ranking.Devices.Select(d => d.DeviceId));
        Assert.Equal([1, 2], ranking.Devices.Select(d => d.Rank));
        Assert.Equal([0.5, 0.5], ranking.Weights);
        Assert.Equal(0.5 * 5 + 0.5 * 10, ranking.Devices[0].Score, 6);
        Assert.Equal(["CPU_TOTAL_LOAD_MEAN", "RTT_MEAN"], ranking.Devices[0].Metrics.Select(m => m.Metric));
        Assert.Empty(foreign.Devices); // the tag means nothing in another tenant
    }

    [Fact]
    public async Task Ranking_another_tenants_device_by_id_is_a_404()
    {
        var (owner, _, _) = await app.TenantUserAsync("operator");
        var (intruder, _, _) = await app.TenantUserAsync("viewer");
        var d = await HostAsync(owner, SystemName("Mine"));

        var e = await Assert.ThrowsAsync<QdmsApiException>(() => intruder.RankQosAsync(new QosRankRequest(DeviceIds: [d.Id])));
        var series = await Assert.ThrowsAsync<QdmsApiException>(() => intruder.QosSeriesAsync(d.Id, "rtt"));

        Assert.Equal((404, 404), (e.Status, series.Status));
    }

    [Fact]
    public async Task A_devices_series_lists_its_batches_oldest_first_with_loss_jitter_and_p95()
    {
        var (owner, _, _) = await app.TenantUserAsync("operator");
        var d = await HostAsync(owner, SystemName("Series"));
        await RecordAsync(app, Rtt(d, 12, 20), Rtt(d, 14, 10), Level(d, "cpu_total_load", 3));

        var rtt = await owner.QosSeriesAsync(d.Id, "rtt", DateTimeOffset.UtcNow.AddMinutes(-1));

        Assert.Equal([12.0, 14.0], rtt.Select(p => p.Mean!.Value));
        Assert.All(rtt, p => Assert.Equal((0.0, 0.0), (p.LossPercent!.Value, p.Jitter!.Value)));
        Assert.Equal(14, rtt[1].P95);
    }

    [Fact]
    public async Task The_cli_ranks_a_group_and_prints_a_series()
    {
        using var cli = await CliSignIn.TenantUserAsync(app, "operator");
        var tag = "cli-" + DevicesTests.Unique();
        var added = await cli.JsonAsync("devices", "add", "--identity", $"snmp:{tag}", "--name", "Cli box", "--address", "127.0.0.9", "--tags", tag);
        var id = added.GetProperty("id").GetInt64();
        var tenant = added.GetProperty("tenantId").GetInt64();
        await RecordAsync(app, new Qdms.Core.Measurements.Measurement(tenant, id, "memory_used", DateTimeOffset.UtcNow.AddSeconds(-3), 40, 60, 50, 50, 44, 30));

        var json = await cli.JsonAsync("qos", "rank", "--group", tag, "--metrics", "MEMORY_USED_MAXIMUM", "--window", "10m");
        var table = await cli.OkAsync("qos", "rank", "--group", tag, "--metrics", "MEMORY_USED_MAXIMUM");
        var series = await cli.OkAsync("qos", "series", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--metric", "memory_used", "--since", "1h");

        Assert.Equal(60, json.GetProperty("devices")[0].GetProperty("score").GetDouble());
        Assert.Equal(600, json.GetProperty("window").GetInt32());
        Assert.Contains("Cli box", table, StringComparison.Ordinal);
        Assert.Contains("MEMORY_USED_MAXIMUM", table, StringComparison.Ordinal);
        Assert.Contains("44", series, StringComparison.Ordinal);
    }
}

public sealed class SqliteQosNativeApiTests(SqliteQosApp app) : QosNativeApiTests(app), IClassFixture<SqliteQosApp>;

public sealed class PostgresQosNativeApiTests(PostgresQosApp app) : QosNativeApiTests(app), IClassFixture<PostgresQosApp>;
