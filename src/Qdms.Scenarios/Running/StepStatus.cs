namespace Qdms.Scenarios.Running;

/// <summary>How one execution of a step ended.</summary>
public enum StepStatus
{
    /// <summary>A passing answer arrived in time (or the step needed none).</summary>
    Pass,

    /// <summary>A fail_on pattern, a failing alternative, a bad packet or a failed check.</summary>
    Fail,

    /// <summary>No expected answer within the timeout (the paper's missed Delay).</summary>
    Timeout,

    /// <summary>A strict step received a frame that matched nothing.</summary>
    Unexpected,
}
