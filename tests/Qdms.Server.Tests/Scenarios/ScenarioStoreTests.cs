using Microsoft.Extensions.DependencyInjection;
using Qdms.Contracts;
using Qdms.Core.Scenarios;
using Qdms.Server.Tests.Support;

namespace Qdms.Server.Tests.Scenarios;

/// <summary>The scenario stores' coordination rules, on both databases: abandoned runs by node, schedules claimed once.</summary>
public abstract class ScenarioStoreTests(QdmsAppFactory app)
{
    private IScenarioRunStore Runs => app.Services.GetRequiredService<IScenarioRunStore>();

    private IScenarioScheduleStore Schedules => app.Services.GetRequiredService<IScenarioScheduleStore>();

    private async Task<(ScenarioDto Scenario, long TenantId)> ScenarioAsync()
    {
        var (client, tenant, _) = await app.TenantUserAsync("operator");
        return (await client.CreateScenarioAsync(new CreateScenarioRequest(ScenarioTexts.Echo(9, "st-" + Guid.NewGuid().ToString("N")[..8]))), tenant.Id);
    }

    [Fact]
    public async Task A_restarted_node_abandons_only_its_own_running_runs()
    {
        var (s, tenant) = await ScenarioAsync();
        var now = DateTimeOffset.UtcNow;
        var mine = await Runs.CreateAsync(new ScenarioRunRecord(0, tenant, s.Id, 1, null, null, ScenarioRunState.Running, null, null, "t", now, null, null, "node-a"), default);
        var theirs = await Runs.CreateAsync(new ScenarioRunRecord(0, tenant, s.Id, 1, null, null, ScenarioRunState.Running, null, null, "t", now, null, null, "node-b"), default);

        Assert.Equal(1, await Runs.AbandonRunningAsync("node-a", now, default));
        var scope = Core.Security.TenantScope.Of(tenant);
        Assert.Equal((ScenarioRunState.Error, "error"), ((await Runs.GetAsync(mine.Id, scope, default))!.State, (await Runs.GetAsync(mine.Id, scope, default))!.Verdict));
        Assert.Equal(ScenarioRunState.Running, (await Runs.GetAsync(theirs.Id, scope, default))!.State);
        Assert.Null(await Runs.GetAsync(theirs.Id, Core.Security.TenantScope.Of(tenant + 1_000_000), default));
    }

    [Fact]
    public async Task A_due_schedule_is_claimed_once()
    {
        var (s, tenant) = await ScenarioAsync();
        var due = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds());
        var schedule = await Schedules.CreateAsync(new ScenarioSchedule(0, tenant, s.Id, null, "g", 60, due, due, "t"), default);
        Assert.Contains(await Schedules.DueAsync(DateTimeOffset.UtcNow, 1000, default), x => x.Id == schedule.Id);
        var next = due.AddSeconds(60);
        Assert.True(await Schedules.ClaimAsync(schedule.Id, due, next, default));
        Assert.False(await Schedules.ClaimAsync(schedule.Id, due, next, default));
    }
}

public sealed class SqliteScenarioStoreTests(SqliteApp app) : ScenarioStoreTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresScenarioStoreTests(PostgresApp app) : ScenarioStoreTests(app), IClassFixture<PostgresApp>;
