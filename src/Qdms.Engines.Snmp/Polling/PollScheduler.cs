namespace Qdms.Engines.Snmp.Polling;

/// <summary>
/// One async loop for every (device, profile) pair: a priority queue by due time, at most <c>maxConcurrent</c> polls in flight
/// (a semaphore; a full house delays the next start, which shows as lag), first polls spread over the interval so 10,000
/// devices do not all start in the same second. No thread or timer per device.
/// </summary>
internal sealed class PollScheduler(DevicePoller poller, ResultWriter writer, int maxConcurrent, bool spreadFirstPolls)
{
    public static readonly TimeSpan OnTimeSlack = TimeSpan.FromSeconds(5);

    private readonly object _gate = new();
    private readonly Dictionary<(long, long?, string), PollJob> _jobs = [];
    private readonly PriorityQueue<PollJob, long> _queue = new();
    private readonly SemaphoreSlim _slots = new(maxConcurrent, maxConcurrent);
    private readonly SemaphoreSlim _wake = new(0, 1);

    public PollStatistics Statistics { get; } = new();

    public int JobCount
    {
        get
        {
            lock (_gate)
            {
                return _jobs.Count;
            }
        }
    }

    public int InFlight => maxConcurrent - _slots.CurrentCount;

    /// <summary>Makes the plan's pairs the jobs: new ones get a first due time, kept ones keep theirs, dropped ones stop.</summary>
    public void Apply(PollPlan plan)
    {
        var now = Environment.TickCount64;
        lock (_gate)
        {
            var seen = new HashSet<(long, long?, string)>();
            foreach (var (device, profile) in plan.Pairs)
            {
                var key = (device.DeviceId, profile.TenantId, profile.Name);
                seen.Add(key);
                if (_jobs.TryGetValue(key, out var job))
                {
                    job.Device = device;
                    job.Profile = profile;
                    continue;
                }

                job = new PollJob(device, profile);
                job.Due = now + (spreadFirstPolls ? Spread(device.DeviceId, profile.Name, job.IntervalMs) : 0);
                _jobs[key] = job;
                _queue.Enqueue(job, job.Due);
            }

            foreach (var key in _jobs.Keys.Where(k => !seen.Contains(k)).ToList())
            {
                _jobs[key].Active = false;
                _jobs.Remove(key);
            }
        }

        Wake();
    }

    public async Task RunAsync(CancellationToken ct)
    {
        var running = new HashSet<Task>();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                PollJob? job = null;
                long due = 0;
                long wait;
                lock (_gate)
                {
                    var now = Environment.TickCount64;
                    wait = 1000;
                    while (_queue.TryPeek(out var next, out var at))
                    {
                        if (!next.Active || next.Due != at)
                        {
                            _queue.Dequeue(); // dropped, or re-queued under another time
                            continue;
                        }

                        if (at > now)
                        {
                            wait = Math.Min(wait, at - now);
                            break;
                        }

                        _queue.Dequeue();
                        due = at;
                        next.Due = at + next.IntervalMs;
                        while (next.Due <= now)
                        {
                            next.Due += next.IntervalMs; // a poll that could not even start in its interval is not made up
                        }

                        _queue.Enqueue(next, next.Due);
                        job = next;
                        break;
                    }
                }

                if (job is null)
                {
                    await _wake.WaitAsync(TimeSpan.FromMilliseconds(Math.Max(1, wait)), ct);
                    continue;
                }

                if (Interlocked.CompareExchange(ref job.Running, 1, 0) != 0)
                {
                    Statistics.RecordSkip();
                    continue;
                }

                await _slots.WaitAsync(ct);
                running.RemoveWhere(t => t.IsCompleted);
                running.Add(PollOnceAsync(job, due, ct));
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }

        try
        {
            await Task.WhenAll(running);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task PollOnceAsync(PollJob job, long due, CancellationToken ct)
    {
        try
        {
            var started = Environment.TickCount64;
            var lag = Math.Max(0, started - due);
            var outcome = await poller.PollAsync(job.Device, job.Profile, ct);
            var ended = Environment.TickCount64;
            var onTime = lag <= Math.Min(OnTimeSlack.TotalMilliseconds, job.IntervalMs / 10.0) && ended < due + job.IntervalMs;
            Statistics.Record(lag, onTime, !outcome.Answered, outcome.Answered && outcome.Error is not null);
            await writer.WriteAsync(outcome, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            Volatile.Write(ref job.Running, 0);
            _slots.Release();
        }
    }

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }

    /// <summary>A stable offset in [0, interval) from the device and profile, so restarts keep the spread.</summary>
    private static long Spread(long deviceId, string profile, long intervalMs)
    {
        var h = (ulong)deviceId * 0x9E3779B97F4A7C15UL;
        foreach (var c in profile)
        {
            h = (h ^ c) * 0x100000001B3UL;
        }

        return (long)(h % (ulong)Math.Max(1, intervalMs));
    }
}
