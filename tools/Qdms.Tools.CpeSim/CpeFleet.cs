using System.Diagnostics;
using System.Globalization;

namespace Qdms.Tools.CpeSim;

/// <summary>
/// Many simulated CPEs in one process sharing one HTTP connection pool (cookies are handled per CPE, not by the handler).
/// Serial numbers are <c>{prefix}{index:D8}</c>, so two fleets with different prefixes never collide.
/// </summary>
public sealed class CpeFleet : IDisposable
{
    private readonly HttpClient _acs;
    private readonly HttpClient _downloads;
    private readonly bool _ownsDownloads;

    /// <param name="model">The factory data model every CPE starts from (a copy each).</param>
    /// <param name="downloads">The client for Download URLs; null for a plain one.</param>
    public CpeFleet(int count, string serialPrefix, Func<string, DataModel> model, CpeOptions options, HttpClient? downloads = null)
    {
        _acs = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = options.MaxConnections, PooledConnectionLifetime = TimeSpan.FromMinutes(5), SslOptions = CpeTrust.For(options.TrustedCertificate) })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
        _ownsDownloads = downloads is null;
        _downloads = downloads ?? new HttpClient();
        Cpes = [.. Enumerable.Range(1, count).Select(i =>
        {
            var serial = serialPrefix + i.ToString("D8", CultureInfo.InvariantCulture);
            return new SimulatedCpe(serial, model(serial), _acs, _downloads, options);
        })];
    }

    public IReadOnlyList<SimulatedCpe> Cpes { get; }

    /// <summary>
    /// Runs <paramref name="session"/> once for every CPE, at most <paramref name="concurrency"/> at a time; returns every
    /// outcome and the wall-clock time taken.
    /// </summary>
    public async Task<(IReadOnlyList<SessionOutcome> Outcomes, TimeSpan Elapsed, IReadOnlyList<TimeSpan> Latencies)> RunAllAsync(
        Func<SimulatedCpe, CancellationToken, Task<IReadOnlyList<SessionOutcome>>> session, int concurrency, CancellationToken ct)
    {
        var outcomes = new List<SessionOutcome>();
        var latencies = new List<TimeSpan>();
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Cpes, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (cpe, token) =>
        {
            var started = Stopwatch.GetTimestamp();
            IReadOnlyList<SessionOutcome> result;
            try
            {
                result = await session(cpe, token);
            }
            catch (HttpRequestException e)
            {
                result = [new SessionOutcome(false, 0, 0, e.Message)];
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            lock (outcomes)
            {
                outcomes.AddRange(result);
                latencies.Add(elapsed);
            }
        });
        return (outcomes, watch.Elapsed, latencies);
    }

    public void Dispose()
    {
        _acs.Dispose();
        if (_ownsDownloads)
        {
            _downloads.Dispose();
        }
    }
}
