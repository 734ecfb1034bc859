namespace Qdms.Core.Engines;

/// <summary>What an engine instance is doing now (IF-01-08 / IF-02-03). The seed's Active/InActive, plus the two in-between states.</summary>
public enum EngineState
{
    /// <summary>Not running: never started, stopped, or the service is stopped.</summary>
    Inactive = 0,

    /// <summary>A start is in progress.</summary>
    Starting = 1,

    /// <summary>Running and serving its protocol.</summary>
    Active = 2,

    /// <summary>It was asked to run but could not (a port taken, a bad config) or it broke while running; see the last error.</summary>
    Failed = 3,
}
