namespace Qdms.Scenarios.Running;

/// <summary>How a run ended.</summary>
public enum RunStatus
{
    /// <summary>Every iteration went to its last step.</summary>
    Completed,

    /// <summary>A step's on_fail said abort.</summary>
    Aborted,

    /// <summary>A limit (e.g. more than 20 Busy) stopped it.</summary>
    LimitReached,

    /// <summary>Stopped by hand.</summary>
    Stopped,

    /// <summary>It could not run: the transport did not open, or the line failed.</summary>
    Error,
}
