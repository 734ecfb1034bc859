using Qdms.Core.Paging;
using Qdms.Core.Security;

namespace Qdms.Core.Scenarios;

/// <summary>Scenario runs, newest first, with their results and logs.</summary>
public interface IScenarioRunStore
{
    /// <summary>Stores a new run (state running); returns it with its id.</summary>
    Task<ScenarioRunRecord> CreateAsync(ScenarioRunRecord run, CancellationToken ct);

    /// <summary>Records how a run ended, its result and its NDJSON log, in one statement.</summary>
    Task FinishAsync(long id, ScenarioRunState state, string verdict, string? message, DateTimeOffset endedAt, string resultJson, string log, CancellationToken ct);

    Task<ScenarioRunRecord?> GetAsync(long id, TenantScope scope, CancellationToken ct);

    /// <summary>The NDJSON event log of a run, or null when the run is unknown or has none yet.</summary>
    Task<string?> GetLogAsync(long id, TenantScope scope, CancellationToken ct);

    Task<Page<ScenarioRunRecord>> ListAsync(TenantScope scope, long? scenarioId, long? deviceId, PageRequest page, CancellationToken ct);

    /// <summary>Marks the runs <paramref name="node"/> left "running" when it stopped as errors; returns how many.</summary>
    Task<int> AbandonRunningAsync(string node, DateTimeOffset now, CancellationToken ct);
}
