namespace Qdms.Engines.Snmp.Polling;

/// <summary>
/// Counters of the scheduler, for the engine status and the benchmark. A poll is on time when it started within
/// <see cref="PollScheduler.OnTimeSlack"/> (or a tenth of its interval, if less) of its due time and ended before its next one.
/// </summary>
internal sealed class PollStatistics
{
    private long _polls;
    private long _onTime;
    private long _timeouts;
    private long _errors;
    private long _skipped;
    private long _lagTotalMs;
    private long _lagMaxMs;

    public long Polls => Interlocked.Read(ref _polls);

    public long OnTime => Interlocked.Read(ref _onTime);

    public long Timeouts => Interlocked.Read(ref _timeouts);

    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>Due polls not started because the previous poll of the same device and profile was still running.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    public long LagMaxMs => Interlocked.Read(ref _lagMaxMs);

    public double LagMeanMs => Polls == 0 ? 0 : (double)Interlocked.Read(ref _lagTotalMs) / Polls;

    public void Record(long lagMs, bool onTime, bool timedOut, bool failed)
    {
        Interlocked.Increment(ref _polls);
        Interlocked.Add(ref _lagTotalMs, lagMs);
        if (onTime)
        {
            Interlocked.Increment(ref _onTime);
        }

        if (timedOut)
        {
            Interlocked.Increment(ref _timeouts);
        }

        if (failed)
        {
            Interlocked.Increment(ref _errors);
        }

        long max;
        while (lagMs > (max = Interlocked.Read(ref _lagMaxMs)) && Interlocked.CompareExchange(ref _lagMaxMs, lagMs, max) != max)
        {
        }
    }

    public void RecordSkip() => Interlocked.Increment(ref _skipped);
}
