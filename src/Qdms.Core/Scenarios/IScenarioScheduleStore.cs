using Qdms.Core.Security;

namespace Qdms.Core.Scenarios;

/// <summary>Schedules of scenario runs.</summary>
public interface IScenarioScheduleStore
{
    Task<ScenarioSchedule> CreateAsync(ScenarioSchedule schedule, CancellationToken ct);

    Task<IReadOnlyList<ScenarioSchedule>> ListAsync(TenantScope scope, long scenarioId, CancellationToken ct);

    Task<bool> DeleteAsync(long id, TenantScope scope, CancellationToken ct);

    /// <summary>Schedules due at <paramref name="now"/> (all tenants).</summary>
    Task<IReadOnlyList<ScenarioSchedule>> DueAsync(DateTimeOffset now, int limit, CancellationToken ct);

    /// <summary>Moves a schedule's next run from <paramref name="expected"/> to <paramref name="next"/>; false when another node already did (so it runs once).</summary>
    Task<bool> ClaimAsync(long id, DateTimeOffset expected, DateTimeOffset next, CancellationToken ct);
}
