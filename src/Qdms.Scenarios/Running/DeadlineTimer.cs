using System.Diagnostics;

namespace Qdms.Scenarios.Running;

/// <summary>
/// Step deadlines on one dedicated thread. The shared .NET timer queue wakes up to ~5 ms late at p99 even on an idle
/// machine, which is too coarse for step timeouts; a thread parked in <see cref="Monitor.Wait(object, int)"/> until the
/// earliest deadline wakes within about half a millisecond. Callbacks run on that thread, so they must be short
/// (cancelling a token is). A deadline may fire up to a millisecond early (waits have millisecond resolution): callers
/// re-check the clock, as the runner does.
/// </summary>
internal sealed class DeadlineTimer
{
    public static DeadlineTimer Shared { get; } = new();

    private readonly object _gate = new();
    private readonly PriorityQueue<Registration, long> _queue = new();

    private DeadlineTimer()
    {
        var thread = new Thread(Loop) { IsBackground = true, Name = "qdms-scenario-deadlines", Priority = ThreadPriority.AboveNormal };
        thread.Start();
    }

    /// <summary>Calls <paramref name="callback"/> at <paramref name="dueTimestamp"/> (<see cref="Stopwatch"/> ticks) unless the registration is disposed first.</summary>
    public IDisposable Schedule(long dueTimestamp, Action callback)
    {
        var registration = new Registration(callback);
        lock (_gate)
        {
            var earliest = _queue.TryPeek(out _, out var first) ? first : long.MaxValue;
            _queue.Enqueue(registration, dueTimestamp);
            if (dueTimestamp < earliest)
            {
                Monitor.Pulse(_gate);
            }
        }

        return registration;
    }

    private void Loop()
    {
        while (true)
        {
            Registration? due = null;
            lock (_gate)
            {
                if (!_queue.TryPeek(out var next, out var at))
                {
                    Monitor.Wait(_gate);
                    continue;
                }

                var waitMs = (long)Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), at).TotalMilliseconds;
                if (waitMs >= 1)
                {
                    Monitor.Wait(_gate, (int)Math.Min(waitMs, int.MaxValue));
                    continue;
                }

                _queue.Dequeue();
                due = next;
            }

            due.Fire();
        }
    }

    private sealed class Registration(Action callback) : IDisposable
    {
        private volatile bool _disposed;

        public void Fire()
        {
            if (_disposed)
            {
                return;
            }

            try
            {
                callback();
            }
            catch (ObjectDisposedException)
            {
                // The waiter finished and disposed its token between our check and the call.
            }
        }

        public void Dispose() => _disposed = true;
    }
}
