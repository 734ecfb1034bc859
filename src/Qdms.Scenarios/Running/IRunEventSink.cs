namespace Qdms.Scenarios.Running;

/// <summary>Receives every log event of a run as it happens (on the runner's thread: keep it quick).</summary>
public interface IRunEventSink
{
    /// <summary>Takes one event.</summary>
    void OnEvent(RunEvent e);
}
