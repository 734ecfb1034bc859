using Microsoft.Extensions.DependencyInjection;
using Qdms.Client;
using Qdms.Contracts;
using Qdms.Core.Qos;
using Qdms.Qos.Services;
using static Qdms.Server.Tests.Qos.QosTestData;

namespace Qdms.Server.Tests.Qos;

/// <summary>Arrowhead's deviceQualityDataManagement and generalManagement: query, reload, logs, get-config, sysop only.</summary>
public abstract class QosManagementApiTests(QosApp app)
{
    [Fact]
    public async Task Management_is_refused_to_a_tenant_admin_with_arrowheads_forbidden_body()
    {
        var (tenantAdmin, _, _) = await app.TenantUserAsync("admin");

        var calls = new Func<Task>[]
        {
            () => tenantAdmin.QosReloadAsync(),
            () => tenantAdmin.QosConfigAsync([]),
            () => tenantAdmin.QosLogsAsync(new QosLogRequestDto(null, null, null, null, null)),
            () => tenantAdmin.QosQueryAsync(new QosQueryRequestDto(null, "RTT", null, null, null, null)),
        };
        foreach (var call in calls)
        {
            var e = await Assert.ThrowsAsync<QdmsApiException>(call);
            var error = ArrowheadError(e);
            Assert.Equal((403, 403, "FORBIDDEN"), (e.Status, error.ErrorCode, error.ExceptionType));
            Assert.Contains("sysop", error.ErrorMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Reload_counts_the_systems_found_and_those_that_left()
    {
        var (owner, _, _) = await app.TenantUserAsync("operator");
        var admin = await app.AdminAsync();
        var d = await HostAsync(owner, SystemName("Moving"), "system:" + SystemName("Alias"));
        var first = await admin.QosReloadAsync();

        await owner.UpdateDeviceAsync(d.Id, new UpdateDeviceRequest(Address: ""));
        var second = await admin.QosReloadAsync();

        Assert.Equal(first.DevicesFound - 1, second.DevicesFound);
        Assert.Equal(first.SystemsFound - 2, second.SystemsFound);
        Assert.Equal((1, 2), (second.DevicesRemoved, second.SystemsRemoved));
        Assert.False((await app.Services.GetRequiredService<IQosDeviceStore>().ListKnownAsync(default))[d.Id]);
    }

    [Fact]
    public async Task Query_pages_one_groups_records_with_the_asked_statistics_uuid_and_systems()
    {
        var (owner, _, _) = await app.TenantUserAsync("operator");
        var admin = await app.AdminAsync();
        var system = SystemName("Queried");
        var d = await HostAsync(owner, system);
        await admin.QosReloadAsync();
        await RecordAsync(app, Rtt(d, 10, 30), Rtt(d, 20, 20), Rtt(d, 30, 10), Level(d, "cpu_total_load", 5));

        var page = await admin.QosQueryAsync(new QosQueryRequestDto(
            new QosPaginationDto(0, 2, "DESC", "timestamp"), "RTT", DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1),
            ["MEAN", "MAXIMUM"], [system]));
        var next = await admin.QosQueryAsync(new QosQueryRequestDto(
            new QosPaginationDto(1, 2, "DESC", "timestamp"), "RTT", DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1),
            ["MEAN", "MAXIMUM"], [system]));

        Assert.Equal(3, page.Count);
        Assert.Equal([30.0, 20.0], page.Records.Select(r => r.Mean!.Value));
        Assert.Equal([10.0], next.Records.Select(r => r.Maximum!.Value));
        var record = page.Records[0];
        Assert.Equal(("RTT", QosDeviceUuid.Of(d.Id), (double?)null, (double?)null), (record.MetricGroup, record.Uuid, record.Minimum, record.Median));
        Assert.Equal([system], record.Systems);
        Assert.Equal(0, record.LossPercent);
    }

    [Fact]
    public async Task Query_answers_only_the_asked_statistics_in_its_json()
    {
        var admin = await app.AdminAsync();
        var (owner, _, _) = await app.TenantUserAsync("operator");
        var system = SystemName("Json");
        var d = await HostAsync(owner, system);
        await admin.QosReloadAsync();
        await RecordAsync(app, Level(d, "memory_used", 33));

        using var response = await admin.Http.PostAsync("deviceqosevaluator/mgmt/query", new StringContent(
            $$"""{"pagination":{"page":0,"size":10,"direction":"ASC","sortField":"timestamp"},"metricGroup":"MEMORY_USED","aggregation":["MEAN"],"systemNames":["{{system}}"]}""",
            System.Text.Encoding.UTF8, "application/json"));
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(1, json.GetProperty("count").GetInt64());
        var r = json.GetProperty("records")[0];
        Assert.Equal(["metricGroup", "id", "timestamp", "uuid", "mean", "systems"], r.EnumerateObject().Select(p => p.Name));
        Assert.Equal(33, r.GetProperty("mean").GetDouble());
    }

    [Theory]
    [InlineData("""{"metricGroup":"DISK"}""", "metricGroup")]
    [InlineData("""{"metricGroup":"RTT","pagination":{"size":100000}}""", "max.page.size")]
    [InlineData("""{"metricGroup":"RTT","pagination":{"direction":"UP"}}""", "direction")]
    [InlineData("""{"metricGroup":"RTT","aggregation":["AVG"]}""", "aggregation")]
    public async Task A_bad_query_is_a_400_naming_the_field(string body, string expected)
    {
        var admin = await app.AdminAsync();

        using var response = await admin.Http.PostAsync("deviceqosevaluator/mgmt/query", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var error = System.Text.Json.JsonSerializer.Deserialize<QosErrorDto>(await response.Content.ReadAsStringAsync(), QdmsClient.Json)!;

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains(expected, error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_list_the_evaluators_entries_filtered_by_severity_and_logger()
    {
        var admin = await app.AdminAsync();
        var (owner, _, _) = await app.TenantUserAsync("operator");
        await HostAsync(owner, SystemName("Logged"));
        await admin.QosReloadAsync(); // a changed device count is logged by the organizer
        await app.Services.GetRequiredService<Qdms.Qos.Jobs.QosRecorder>().FlushAsync(default);

        var info = await admin.QosLogsAsync(new QosLogRequestDto(new QosPaginationDto(0, 50, "DESC", null), DateTimeOffset.UtcNow.AddMinutes(-5), null, "INFO", "organizer"));
        var warn = await admin.QosLogsAsync(new QosLogRequestDto(null, null, null, "WARN", "organizer"));

        Assert.Contains(info.Entries, e => e.Logger == "qos.organizer" && e.LogLevel == "INFO" && e.Message.StartsWith("Synchronised", StringComparison.Ordinal));
        Assert.True(info.Count >= 1);
        Assert.DoesNotContain(warn.Entries, e => e.LogLevel == "INFO");
    }

    [Fact]
    public async Task Get_config_answers_the_asked_keys_under_arrowheads_names()
    {
        var admin = await app.AdminAsync();

        var some = await admin.QosConfigAsync(["rtt.measurement.timeout", "max.page.size", "no.such.key"]);
        var all = await admin.QosConfigAsync([]);

        Assert.Equal(new Dictionary<string, string> { ["rtt.measurement.timeout"] = "3000", ["max.page.size"] = "1000" }, some.Map);
        Assert.Contains("measurement.organizer.job.interval", all.Map.Keys);
        Assert.Equal("sysop-only", all.Map["management.policy"]);
    }
}

public sealed class SqliteQosManagementApiTests(SqliteQosApp app) : QosManagementApiTests(app), IClassFixture<SqliteQosApp>;

public sealed class PostgresQosManagementApiTests(PostgresQosApp app) : QosManagementApiTests(app), IClassFixture<PostgresQosApp>;
