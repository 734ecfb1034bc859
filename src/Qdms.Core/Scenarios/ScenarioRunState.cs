namespace Qdms.Core.Scenarios;

/// <summary>Where a scenario run is: running, or how it ended.</summary>
public enum ScenarioRunState
{
    Running,
    Completed,
    Aborted,
    LimitReached,
    Stopped,
    Error,
}
