namespace Qdms.Client;

/// <summary>
/// One server-sent event of a run's log stream: <see cref="Event"/> is <c>log</c> (<see cref="Data"/> one NDJSON event line,
/// <see cref="Id"/> its sequence number) or <c>end</c> (<see cref="Data"/> the run as JSON, the last item).
/// </summary>
public sealed record ScenarioLogStreamItem(string Event, string? Id, string Data)
{
    /// <summary>True for the final item, sent once the run has ended and its result is stored.</summary>
    public bool IsEnd => Event == "end";
}
