namespace Qdms.Scenarios.Running;

/// <summary>A sink that calls a delegate (live views, tests).</summary>
public sealed class DelegateSink(Action<RunEvent> onEvent) : IRunEventSink
{
    /// <inheritdoc />
    public void OnEvent(RunEvent e) => onEvent(e);
}
