namespace Qdms.Scenarios.Running;

/// <summary>What a log event records.</summary>
public enum RunEventKind
{
    /// <summary>The run started (text: the transport).</summary>
    Started,

    /// <summary>Bytes written to the terminal.</summary>
    Tx,

    /// <summary>Bytes read from the terminal, as they arrived.</summary>
    Rx,

    /// <summary>A frame was cut from the received bytes (text: what it matched).</summary>
    Frame,

    /// <summary>A step began.</summary>
    StepStarted,

    /// <summary>A step ended (text: the outcome).</summary>
    StepEnded,

    /// <summary>The run paused at a step boundary.</summary>
    Paused,

    /// <summary>The run resumed.</summary>
    Resumed,

    /// <summary>Anything else worth a line: a limit reached, a timer, an iteration.</summary>
    Info,

    /// <summary>The run ended (text: the verdict).</summary>
    Ended,
}
