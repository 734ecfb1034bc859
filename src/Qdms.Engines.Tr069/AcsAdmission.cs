namespace Qdms.Engines.Tr069;

/// <summary>
/// Overload shedding (TR-069 §3.4.1 lets an ACS answer 503 to a session it cannot take): a new session is admitted only while
/// the live sessions plus the Informs being started stay within <c>maxSessions</c> and the Informs being started (device look-up
/// and writes, the database work before the InformResponse) within <c>maxInformsInFlight</c>, so the database's connection pool
/// is never swamped (a boot storm of new devices needs one connection per look-up); beyond that the Inform is answered 503 with
/// a <c>Retry-After</c> drawn at random from <see cref="MinRetryAfterSeconds"/>–<see cref="MaxRetryAfterSeconds"/>, so a boot
/// storm's retries spread out instead of coming back together. Nothing is read from or written to the database for a shed Inform.
/// </summary>
internal sealed class AcsAdmission(int maxSessions, int maxStarting)
{
    public const int MinRetryAfterSeconds = 10;
    public const int MaxRetryAfterSeconds = 60;

    private int _starting;

    /// <summary>Informs admitted and not yet a live session (or refused).</summary>
    public int Starting => Volatile.Read(ref _starting);

    /// <summary>Admits one more session unless <paramref name="live"/> plus those starting, or those starting, would exceed a cap; <see cref="Leave"/> after.</summary>
    public bool TryEnter(int live)
    {
        var starting = Interlocked.Increment(ref _starting);
        if (starting > maxStarting || starting + live > maxSessions)
        {
            Interlocked.Decrement(ref _starting);
            return false;
        }

        return true;
    }

    public void Leave() => Interlocked.Decrement(ref _starting);

    /// <summary>A Retry-After in whole seconds, uniformly spread.</summary>
    public static int RetryAfterSeconds() => Random.Shared.Next(MinRetryAfterSeconds, MaxRetryAfterSeconds + 1);
}
