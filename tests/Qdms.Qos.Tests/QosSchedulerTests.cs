using Microsoft.Extensions.Logging.Abstractions;
using Qdms.Qos.Scheduling;

namespace Qdms.Qos.Tests;

public sealed class QosSchedulerTests
{
    [Fact]
    public async Task Never_more_jobs_run_at_once_than_the_bound_and_every_job_gets_its_turn()
    {
        using var scheduler = new QosScheduler(4, NullLogger<QosScheduler>.Instance);
        var running = 0;
        var peak = 0;
        var ran = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        scheduler.SetJobs(Enumerable.Range(0, 40).Select(i => new QosJob($"rtt:{i}", TimeSpan.FromMilliseconds(50), async ct =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            await Task.Yield();
            Thread.SpinWait(10_000);
            Interlocked.Decrement(ref running);
            if (ran.AddOrUpdate($"rtt:{i}", 1, (_, n) => n + 1) == 1 && ran.Count == 40)
            {
                gate.TrySetResult();
            }
        })));
        using var stop = new CancellationTokenSource();

        var loop = scheduler.RunAsync(stop.Token);
        await gate.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await loop;

        Assert.InRange(peak, 1, 4);
        Assert.Equal(40, ran.Count);
    }

    [Fact]
    public async Task A_job_that_throws_is_logged_and_runs_again_at_its_next_turn()
    {
        using var scheduler = new QosScheduler(2, NullLogger<QosScheduler>.Instance);
        var runs = 0;
        var third = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var failures = 0;
        scheduler.JobFailed += (_, _) => Interlocked.Increment(ref failures);
        scheduler.SetJobs([new QosJob("aug:1", TimeSpan.FromMilliseconds(20), _ =>
        {
            if (Interlocked.Increment(ref runs) >= 3)
            {
                third.TrySetResult();
            }

            throw new InvalidOperationException("agent exploded");
        })]);
        using var stop = new CancellationTokenSource();

        var loop = scheduler.RunAsync(stop.Token);
        await third.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await loop;

        Assert.True(runs >= 3);
        Assert.True(failures >= 2);
    }

    [Fact]
    public async Task A_job_removed_by_a_resync_stops_and_a_kept_one_goes_on()
    {
        using var scheduler = new QosScheduler(2, NullLogger<QosScheduler>.Instance);
        var removedRuns = 0;
        var keptRuns = 0;
        var kept = new QosJob("rtt:1", TimeSpan.FromMilliseconds(20), _ => { Interlocked.Increment(ref keptRuns); return Task.CompletedTask; });
        scheduler.SetJobs([kept, new QosJob("rtt:2", TimeSpan.FromMilliseconds(20), _ => { Interlocked.Increment(ref removedRuns); return Task.CompletedTask; })]);
        using var stop = new CancellationTokenSource();
        var loop = scheduler.RunAsync(stop.Token);
        await PollAsync(() => Volatile.Read(ref removedRuns) > 0);

        scheduler.SetJobs([kept]);
        await Task.Yield();
        var removedAfter = Volatile.Read(ref removedRuns);
        var keptAt = Volatile.Read(ref keptRuns);
        await PollAsync(() => Volatile.Read(ref keptRuns) >= keptAt + 5);
        await stop.CancelAsync();
        await loop;

        Assert.Equal(1, scheduler.JobCount);
        Assert.InRange(removedRuns, removedAfter, removedAfter + 1); // at most the one turn already started
    }

    private static async Task PollAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 30 s");
            await Task.Delay(10);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
