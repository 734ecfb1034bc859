namespace Qdms.Scenarios.Format;

/// <summary>What a failed step does to the run.</summary>
public enum OnFailAction
{
    /// <summary>Go on with the next step (the paper's behaviour, and the default).</summary>
    Continue,

    /// <summary>End the run.</summary>
    Abort,

    /// <summary>Go to a named step.</summary>
    Goto,

    /// <summary>Run the step again, up to a number of times, then continue.</summary>
    Retry,
}
