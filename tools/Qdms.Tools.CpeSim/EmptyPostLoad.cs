using System.Diagnostics;
using System.Globalization;

namespace Qdms.Tools.CpeSim;

/// <summary>
/// The physical ceiling's client: <c>concurrency</c> loops POSTing an empty body over the same kind of connection pool as the
/// fleet, for <c>duration</c>. Against a bare Kestrel answering 204 this is the most HTTP exchanges per second the machine does.
/// </summary>
public static class EmptyPostLoad
{
    public static async Task<int> RunAsync(Uri url, int concurrency, TimeSpan duration, TextWriter output)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = concurrency });
        var latencies = new LatencyHistogram();
        long ok = 0, failed = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (watch.Elapsed < duration)
            {
                var begun = Stopwatch.GetTimestamp();
                using var content = new ByteArrayContent([]);
                using var response = await client.PostAsync(url, content);
                await response.Content.ReadAsByteArrayAsync();
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref ok);
                    latencies.Add(Stopwatch.GetElapsedTime(begun));
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })));
        var elapsed = watch.Elapsed;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"empty-post   {ok} exchanges in {elapsed.TotalSeconds:F1} s: {ok / elapsed.TotalSeconds:F0} exchanges/s, failed {failed}, {concurrency} in flight"));
        output.WriteLine("  latency " + latencies.Summary());
        return failed == 0 ? 0 : 1;
    }
}
