namespace Qdms.Core.Engines;

/// <summary>
/// An engine's answer to QuerySts (IF-02-03): its state, free-form details (bound port, counters …; never secrets)
/// and the last error, if any.
/// </summary>
public sealed record EngineStatus(EngineState State, IReadOnlyDictionary<string, string> Details, string? LastError)
{
    public static EngineStatus Inactive { get; } = new(EngineState.Inactive, new Dictionary<string, string>(), null);

    public static EngineStatus FailedWith(string error) => new(EngineState.Failed, new Dictionary<string, string>(), error);
}
