using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Qdms.Qos.Scheduling;

/// <summary>
/// One async loop runs every device's recurring jobs: a priority queue ordered by due time, at most
/// <c>maxConcurrency</c> jobs at once (the loop waits for a free slot — backpressure, not a growing backlog), first runs
/// spread over the interval by a hash of the job key so that thousands of devices do not fire together. A job that throws is
/// logged and runs again at its next time; a job still running when it is due again skips that turn.
/// </summary>
public sealed partial class QosScheduler(int maxConcurrency, ILogger<QosScheduler> logger) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly PriorityQueue<Entry, long> _queue = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots = new(maxConcurrency, maxConcurrency);
    private readonly SemaphoreSlim _wake = new(0, 1);
    private long _runs;
    private long _failures;
    private long _skipped;

    /// <summary>Jobs started so far.</summary>
    public long Runs => Interlocked.Read(ref _runs);

    /// <summary>Jobs that threw.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Turns skipped because the previous run of the job had not ended.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    public int JobCount
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Raised when a job throws (after it is logged).</summary>
    public event Action<QosJob, Exception>? JobFailed;

    /// <summary>Replaces the job set: kept keys keep their next due time, new ones get a spread first run, gone ones stop.</summary>
    public void SetJobs(IEnumerable<QosJob> jobs)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            var wanted = jobs.ToDictionary(j => j.Key, StringComparer.Ordinal);
            foreach (var key in _entries.Keys.Where(k => !wanted.ContainsKey(k)).ToList())
            {
                _entries[key].Removed = true;
                _entries.Remove(key);
            }

            foreach (var job in wanted.Values)
            {
                if (_entries.TryGetValue(job.Key, out var entry))
                {
                    entry.Job = job;
                    continue;
                }

                entry = new Entry(job) { Due = now + Spread(job.Key, job.Interval) };
                _entries[job.Key] = entry;
                _queue.Enqueue(entry, entry.Due);
            }
        }

        Wake();
    }

    /// <summary>Runs due jobs until <paramref name="ct"/> is cancelled, then waits for the running ones to end.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                Entry? due = null;
                var wait = TimeSpan.FromSeconds(1);
                lock (_lock)
                {
                    while (_queue.TryPeek(out var next, out _) && next.Removed)
                    {
                        _queue.Dequeue();
                    }

                    if (_queue.TryPeek(out var head, out var dueAt))
                    {
                        var now = Stopwatch.GetTimestamp();
                        if (dueAt <= now)
                        {
                            due = _queue.Dequeue();
                        }
                        else
                        {
                            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks, Stopwatch.GetElapsedTime(now, dueAt).Ticks));
                        }
                    }
                }

                if (due is null)
                {
                    await _wake.WaitAsync(wait, ct);
                    continue;
                }

                await _slots.WaitAsync(ct);
                Start(due, ct);
            }
        }
        catch (OperationCanceledException)
        {
        }

        // let running jobs end (they see the cancelled token) before returning
        for (var i = 0; i < maxConcurrency; i++)
        {
            await _slots.WaitAsync(CancellationToken.None);
        }

        _slots.Release(maxConcurrency);
    }

    private void Start(Entry entry, CancellationToken ct)
    {
        var job = entry.Job;
        var interval = job.Interval.Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond;
        lock (_lock)
        {
            // next turn at the cadence; a loop that fell behind skips missed turns instead of bursting
            var now = Stopwatch.GetTimestamp();
            entry.Due += interval;
            if (entry.Due <= now)
            {
                entry.Due = now + interval;
            }

            if (!entry.Removed)
            {
                _queue.Enqueue(entry, entry.Due);
            }

            if (entry.Running)
            {
                Interlocked.Increment(ref _skipped);
                _slots.Release();
                return;
            }

            entry.Running = true;
        }

        Interlocked.Increment(ref _runs);
        _ = RunOneAsync(entry, job, ct);
    }

    private async Task RunOneAsync(Entry entry, QosJob job, CancellationToken ct)
    {
        try
        {
            await Task.Yield();
            await job.Run(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            Interlocked.Increment(ref _failures);
            LogJobFailed(logger, job.Key, e);
            JobFailed?.Invoke(job, e);
        }
        finally
        {
            lock (_lock)
            {
                entry.Running = false;
            }

            _slots.Release();
        }
    }

    private void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
            }
        }
    }

    /// <summary>A stable offset in [0, interval) from the key, in Stopwatch ticks.</summary>
    private static long Spread(string key, TimeSpan interval)
    {
        var hash = 14695981039346656037ul;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1099511628211ul; // FNV-1a: stable across processes, unlike string.GetHashCode
        }

        var span = interval.Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond;
        return span <= 0 ? 0 : (long)(hash % (ulong)span);
    }

    public void Dispose()
    {
        _slots.Dispose();
        _wake.Dispose();
    }

    [LoggerMessage(EventId = 5010, Level = LogLevel.Warning, Message = "QoS job {Key} failed; it runs again at its next interval")]
    private static partial void LogJobFailed(ILogger logger, string key, Exception e);

    private sealed class Entry(QosJob job)
    {
        public QosJob Job { get; set; } = job;

        public long Due { get; set; }

        public bool Running { get; set; }

        public bool Removed { get; set; }
    }
}
