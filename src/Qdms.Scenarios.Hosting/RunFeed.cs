using System.Threading.Channels;
using Qdms.Scenarios.Running;

namespace Qdms.Scenarios.Hosting;

/// <summary>
/// The NDJSON event lines of a live run: kept for the stored log (up to a limit) and fanned out to every subscriber, each of
/// whom first gets the lines so far.
/// </summary>
internal sealed class RunFeed(int maxLines) : IRunEventSink
{
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];
    private readonly List<Channel<string>> _subscribers = [];
    private bool _completed;
    private long _dropped;

    public void OnEvent(RunEvent e)
    {
        var line = RunEventJson.Write(e);
        lock (_gate)
        {
            if (_lines.Count < maxLines || e.Kind == RunEventKind.Ended)
            {
                _lines.Add(line);
            }
            else
            {
                _dropped++;
            }

            foreach (var s in _subscribers)
            {
                s.Writer.TryWrite(line);
            }
        }
    }

    /// <summary>The stored log: every kept line, newline-terminated; notes how many were dropped.</summary>
    public string Log()
    {
        lock (_gate)
        {
            var text = string.Join('\n', _lines) + "\n";
            return _dropped == 0 ? text : text + $"{{\"kind\":\"info\",\"text\":\"{_dropped} events were not kept (the log keeps {maxLines})\"}}\n";
        }
    }

    /// <summary>Every line so far, then each new one until the run ends.</summary>
    public ChannelReader<string> Subscribe()
    {
        var channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            foreach (var line in _lines)
            {
                channel.Writer.TryWrite(line);
            }

            if (_completed)
            {
                channel.Writer.TryComplete();
            }
            else
            {
                _subscribers.Add(channel);
            }
        }

        return channel.Reader;
    }

    /// <summary>Stops feeding a subscriber that went away.</summary>
    public void Unsubscribe(ChannelReader<string> reader)
    {
        lock (_gate)
        {
            _subscribers.RemoveAll(c => c.Reader == reader);
        }
    }

    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            foreach (var s in _subscribers)
            {
                s.Writer.TryComplete();
            }

            _subscribers.Clear();
        }
    }
}
