using System.Diagnostics;
using System.Globalization;

namespace Qdms.Tools.CpeSim;

/// <summary>
/// A boot storm: every CPE of the fleet boots at the same moment (say, after a power cut), each honouring 503 + Retry-After
/// (<see cref="CpeOptions.RetryAfterScale"/>). Reports how long until all were served, the 503s and the time to service.
/// </summary>
public static class BootStorm
{
    public static async Task<int> RunAsync(CpeFleet fleet, TextWriter output)
    {
        var latencies = new LatencyHistogram();
        var refusedBefore = fleet.Cpes.Sum(c => c.Refused);
        var watch = Stopwatch.StartNew();
        var results = await Task.WhenAll(fleet.Cpes.Select(cpe => Task.Run(async () =>
        {
            var begun = Stopwatch.GetTimestamp();
            try
            {
                var outcomes = await cpe.BootAsync(CancellationToken.None);
                var ok = outcomes.All(o => o.Completed);
                if (ok)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(begun));
                }

                return ok ? null : outcomes.First(o => !o.Completed).Error;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return e.GetType().Name + ": " + e.Message;
            }
        })));
        var elapsed = watch.Elapsed;
        var failed = results.Count(r => r is not null);
        var refused = fleet.Cpes.Sum(c => c.Refused) - refusedBefore;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"storm        {fleet.Cpes.Count} CPEs at once: served {fleet.Cpes.Count - failed}, failed {failed}, 503s {refused}, all done in {elapsed.TotalSeconds:F1} s ({(fleet.Cpes.Count - failed) / elapsed.TotalSeconds:F0} sessions/s)"));
        output.WriteLine("  time to service " + latencies.Summary());
        foreach (var group in results.Where(r => r is not null).GroupBy(r => r).Take(3))
        {
            output.WriteLine($"  {group.Count()} x {group.Key}");
        }

        return failed == 0 ? 0 : 1;
    }
}
