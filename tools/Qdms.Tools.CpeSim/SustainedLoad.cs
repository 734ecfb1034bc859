using System.Diagnostics;
using System.Globalization;

namespace Qdms.Tools.CpeSim;

/// <summary>
/// Open-loop periodic informs: every CPE of the fleet informs (2 PERIODIC) once per <c>interval</c>, the fleet's phases spread
/// evenly, so the ACS is offered count / interval sessions per second whatever its answers take. A CPE still in its previous
/// session when its next one is due skips it (counted as an overrun: the ACS is not keeping up).
/// </summary>
public static class SustainedLoad
{
    public static async Task<int> RunAsync(CpeFleet fleet, TimeSpan interval, TimeSpan duration, TextWriter output)
    {
        var cpes = fleet.Cpes;
        var busy = new int[cpes.Count];
        var latencies = new LatencyHistogram();
        long completed = 0, failed = 0, overruns = 0, started = 0, inFlight = 0;
        var errors = new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var maxLag = TimeSpan.Zero;
        var spacing = interval / cpes.Count;
        var watch = Stopwatch.StartNew();
        var refusedBefore = cpes.Sum(c => c.Refused);
        long s = 0;
        while (watch.Elapsed < duration)
        {
            var now = watch.Elapsed;
            while (spacing * s <= now && spacing * s < duration)
            {
                var k = (int)(s % cpes.Count);
                var lag = now - (spacing * s);
                if (lag > maxLag)
                {
                    maxLag = lag;
                }

                s++;
                if (Interlocked.Exchange(ref busy[k], 1) == 1)
                {
                    Interlocked.Increment(ref overruns);
                    continue;
                }

                Interlocked.Increment(ref started);
                Interlocked.Increment(ref inFlight);
                _ = Task.Run(async () =>
                {
                    var begun = Stopwatch.GetTimestamp();
                    try
                    {
                        var outcomes = await cpes[k].PeriodicInformAsync(CancellationToken.None);
                        if (outcomes.All(o => o.Completed))
                        {
                            Interlocked.Increment(ref completed);
                            latencies.Add(Stopwatch.GetElapsedTime(begun));
                        }
                        else
                        {
                            Interlocked.Increment(ref failed);
                            errors.AddOrUpdate(outcomes.First(o => !o.Completed).Error ?? "?", 1, (_, n) => n + 1);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        Interlocked.Increment(ref failed);
                        errors.AddOrUpdate(e.GetType().Name + ": " + e.Message, 1, (_, n) => n + 1);
                    }
                    finally
                    {
                        Volatile.Write(ref busy[k], 0);
                        Interlocked.Decrement(ref inFlight);
                    }
                });
            }

            await Task.Delay(1);
        }

        var offeredFor = watch.Elapsed;
        var drain = Stopwatch.StartNew();
        while (Interlocked.Read(ref inFlight) > 0 && drain.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(10);
        }

        var offered = cpes.Count / interval.TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sustained    offered {offered,7:F0} sessions/s for {offeredFor.TotalSeconds:F1} s: started {started}, completed {completed} ({completed / offeredFor.TotalSeconds:F0} sessions/s), failed {failed}, overruns {overruns}, 503s {cpes.Sum(c => c.Refused) - refusedBefore}, max start lag {maxLag.TotalMilliseconds:F0} ms"));
        output.WriteLine("  latency " + latencies.Summary());
        output.Write(latencies.Render());
        foreach (var (error, n) in errors.OrderByDescending(e => e.Value).Take(3))
        {
            output.WriteLine($"  {n} x {error}");
        }

        return failed == 0 ? 0 : 1;
    }
}
