namespace Qdms.Core.Engines;

/// <summary>
/// ReportQdmsService (IF-01-03): whether the service runs, since when and for how long, the engines with their states,
/// the components, and one flag that says whether anything is in error.
/// </summary>
public sealed record ServiceReport(
    bool Running,
    DateTimeOffset? StartedAt,
    TimeSpan Uptime,
    string Node,
    IReadOnlyList<EngineView> Engines,
    IReadOnlyList<ComponentReport> Components)
{
    public int EngineCount => Engines.Count;

    public int ActiveCount => Engines.Count(e => e.Status.State == EngineState.Active);

    public int FailedCount => Engines.Count(e => e.Status.State == EngineState.Failed);

    public bool HasErrors => FailedCount > 0 || Components.Any(c => c.LastError is not null);
}
