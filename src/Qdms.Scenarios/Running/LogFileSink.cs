namespace Qdms.Scenarios.Running;

/// <summary>
/// Writes every event to a log file as it happens: text lines in a <see cref="LogView"/>, or NDJSON (a capture that
/// <see cref="Capture.ScenarioCapture"/> can replay). Flushed on every event so a crash loses nothing already logged.
/// </summary>
public sealed class LogFileSink : IRunEventSink, IDisposable
{
    private readonly StreamWriter _writer;
    private readonly LogView? _view;
    private readonly Lock _gate = new();

    /// <summary>Creates (or replaces) <paramref name="path"/>; <paramref name="view"/> null means NDJSON.</summary>
    public LogFileSink(string path, LogView? view)
    {
        _writer = new StreamWriter(path, append: false) { AutoFlush = true, NewLine = "\n" };
        _view = view;
    }

    /// <inheritdoc />
    public void OnEvent(RunEvent e)
    {
        var line = _view is { } v ? RunEventText.Format(e, v) : RunEventJson.Write(e);
        lock (_gate)
        {
            _writer.WriteLine(line);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();
}
