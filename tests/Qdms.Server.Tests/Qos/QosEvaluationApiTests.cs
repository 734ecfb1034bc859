using Microsoft.Extensions.DependencyInjection;
using Qdms.Client;
using Qdms.Contracts;
using Qdms.Core.Measurements;
using Qdms.Qos;
using Qdms.Server.Tests.Support;
using static Qdms.Server.Tests.Qos.QosTestData;

namespace Qdms.Server.Tests.Qos;

/// <summary>Arrowhead's qualityEvaluation (filter, sort) over HTTP: shapes, scores, warnings, errors and tenant isolation.</summary>
public abstract class QosEvaluationApiTests(QosApp app)
{
    [Fact]
    public async Task Sort_orders_providers_best_first_with_warnings_and_each_scores_breakdown()
    {
        var (user, _, _) = await app.TenantUserAsync("operator");
        var (a, b, c) = (SystemName("SysA"), SystemName("SysB"), SystemName("SysC"));
        var da = await HostAsync(user, a);
        var db = await HostAsync(user, b);
        await HostAsync(user, c); // no data at all
        await (await app.AdminAsync()).QosReloadAsync();
        await RecordAsync(app, Rtt(da, 300), Level(da, "cpu_total_load", 50), Rtt(db, 30), Level(db, "cpu_total_load", 10));

        var sorted = await user.QosSortAsync(Request([c, a, b, "Nobody" + a], ["RTT_MAXIMUM", "CPU_TOTAL_LOAD_MEAN"], [0.3, 0.7]));

        Assert.Equal([b, a, c, "Nobody" + a], sorted.SortedProviders);
        Assert.Equal(0.3 * 1 + 0.7 * 10, sorted.Scores[b].Score, 6); // 30 ms of the 3000 ms timeout = 1 %
        Assert.Equal(0.3 * 10 + 0.7 * 50, sorted.Scores[a].Score, 6);
        Assert.Equal(["RTT_MAXIMUM", "CPU_TOTAL_LOAD_MEAN"], sorted.Scores[a].Metrics.Select(m => m.Metric));
        Assert.Equal(["RTT", "CPU_TOTAL_LOAD"], sorted.Warnings[c]);
        Assert.False(sorted.Scores["Nobody" + a].Known);
        Assert.False(sorted.Warnings.ContainsKey(b));
    }

    [Fact]
    public async Task Filter_passes_known_providers_at_or_under_the_threshold_in_request_order()
    {
        var (user, _, _) = await app.TenantUserAsync("viewer");
        var admin = await app.AdminAsync();
        var (owner, _, _) = await app.TenantUserAsync("operator");
        var (low, high) = (SystemName("Low"), SystemName("High"));
        var dl = await HostAsync(owner, low);
        var dh = await HostAsync(owner, high);
        await admin.QosReloadAsync();
        await RecordAsync(app, Level(dl, "memory_used", 20), Level(dh, "memory_used", 80));

        var filtered = await owner.QosFilterAsync(Request([high, low, "Ghost" + low], ["MEMORY_USED_CURRENT"], threshold: 20));

        Assert.Equal([low], filtered.PassedProviders);
        Assert.Equal([high, "Ghost" + low], filtered.DroppedProviders);
        Assert.Equal(80, filtered.Scores[high].Score, 6);

        // another tenant's viewer names the same systems: unknown to it, so all dropped
        var blind = await user.QosFilterAsync(Request([high, low], ["MEMORY_USED_CURRENT"], threshold: 100));
        Assert.Empty(blind.PassedProviders);
        Assert.All(blind.Scores.Values, s => Assert.False(s.Known));
    }

    [Fact]
    public async Task Providers_resolve_only_among_the_callers_tenant_and_a_sysop_sees_all()
    {
        var (owner, _, _) = await app.TenantUserAsync("operator");
        var (intruder, _, _) = await app.TenantUserAsync("admin");
        var system = SystemName("Secret");
        var d = await HostAsync(owner, system);
        var admin = await app.AdminAsync();
        await admin.QosReloadAsync();
        await RecordAsync(app, Level(d, "cpu_total_load", 1));
        var request = Request([system], ["CPU_TOTAL_LOAD_MEAN"]);

        var seen = await intruder.QosSortAsync(request);
        var sysop = await admin.QosSortAsync(request);

        Assert.False(seen.Scores[system].Known);
        Assert.Equal(100, seen.Scores[system].Score);
        Assert.True(sysop.Scores[system].Known);
        Assert.Equal(1, sysop.Scores[system].Score, 6);
    }

    [Fact]
    public async Task The_window_is_rebuilt_from_the_store_when_the_evaluator_starts()
    {
        var (owner, _, _) = await app.TenantUserAsync("operator");
        var system = SystemName("Stored");
        var d = await HostAsync(owner, system);
        await (await app.AdminAsync()).QosReloadAsync();
        await app.Services.GetRequiredService<IMeasurementStore>().AppendAsync([Level(d, "memory_used", 42)], default); // not through the recorder
        var request = Request([system], ["MEMORY_USED_MEAN"]);
        var before = await owner.QosSortAsync(request);

        var evaluator = app.Services.GetRequiredService<QosEvaluator>();
        await evaluator.StopAsync(default);
        await evaluator.StartAsync(default);
        await evaluator.Loaded;
        var after = await owner.QosSortAsync(request);

        Assert.Equal(100, before.Scores[system].Score);
        Assert.Equal(42, after.Scores[system].Score, 6);
    }

    [Fact]
    public async Task A_system_tag_names_another_system_of_the_same_device()
    {
        var (owner, _, _) = await app.TenantUserAsync("operator");
        var alias = SystemName("Alias");
        var d = await HostAsync(owner, SystemName("Host"), "system:" + alias);
        await (await app.AdminAsync()).QosReloadAsync();
        await RecordAsync(app, Level(d, "network_ingress_load", 12));

        var sorted = await owner.QosSortAsync(Request([alias], ["NETWORK_INGRESS_LOAD_MAXIMUM"]));

        Assert.Equal(12, sorted.Scores[alias].Score, 6);
    }

    [Theory]
    [InlineData("""{"providers":["a"],"configuration":{"metricNames":["RTT_MEAN","CPU_TOTAL_LOAD_MEAN"],"metricWeights":[0.5,-0.5]}}""", "metricWeights[1]")]
    [InlineData("""{"providers":["a"],"configuration":{"metricNames":["RTT_MEAN","RTT_MEAN"],"metricWeights":[0.5,0.5]}}""", "given twice")]
    [InlineData("""{"providers":["a"],"configuration":{"metricNames":["RTT_SOMETIMES"]}}""", "RTT_SOMETIMES")]
    [InlineData("""{"providers":[],"configuration":{"metricNames":["RTT_MEAN"]}}""", "providers")]
    [InlineData("""{"providers":["a"]}""", "configuration is required")]
    [InlineData("""{"providers":["a"],"configuration":{"metricNames":["RTT_MEAN"],"timeWindow":999999}}""", "timeWindow")]
    [InlineData("""{"providers":["a"],"configuration":""", "not valid JSON")]
    public async Task Bad_requests_are_400_in_arrowheads_error_shape(string body, string expected)
    {
        var (user, _, _) = await app.TenantUserAsync("viewer");

        using var response = await user.Http.PostAsync("deviceqosevaluator/qualityevaluation/sort", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var error = System.Text.Json.JsonSerializer.Deserialize<QosErrorDto>(await response.Content.ReadAsStringAsync(), QdmsClient.Json)!;

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal((400, "INVALID_PARAMETER", "POST /deviceqosevaluator/qualityevaluation/sort"), (error.ErrorCode, error.ExceptionType, error.Origin));
        Assert.Contains(expected, error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filter_without_a_threshold_is_a_400()
    {
        var (user, _, _) = await app.TenantUserAsync("viewer");

        var e = await Assert.ThrowsAsync<QdmsApiException>(() => user.QosFilterAsync(Request(["a"], ["RTT_MEAN"])));

        Assert.Equal(400, e.Status);
        Assert.Contains("threshold", ArrowheadError(e).ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_arrowhead_route_refuses_a_request_without_a_token()
    {
        var anonymous = app.Anonymous();

        var sort = await Assert.ThrowsAsync<QdmsApiException>(() => anonymous.QosSortAsync(Request(["a"], ["RTT_MEAN"])));
        var config = await Assert.ThrowsAsync<QdmsApiException>(() => anonymous.QosConfigAsync([]));

        Assert.Equal((401, 401), (sort.Status, config.Status));
    }
}

public sealed class SqliteQosEvaluationApiTests(SqliteQosApp app) : QosEvaluationApiTests(app), IClassFixture<SqliteQosApp>;

public sealed class PostgresQosEvaluationApiTests(PostgresQosApp app) : QosEvaluationApiTests(app), IClassFixture<PostgresQosApp>;
