using Qdms.Core.Measurements;
using Qdms.Core.Security;
using Qdms.Qos.Metrics;

namespace Qdms.Qos.Window;

/// <summary>Rebuilds the in-memory window from the measurement store at start: the scored groups over the horizon, read in time order in pages.</summary>
public static class QosWindowLoader
{
    public const int PageSize = 20_000;

    /// <summary>Loads measurements from <c>now − horizon</c> on; returns how many.</summary>
    public static async Task<long> LoadAsync(IMeasurementStore store, QosWindowStore window, DateTimeOffset now, CancellationToken ct)
    {
        var metrics = QosMetrics.Groups.Select(g => g.StoreName()).ToList();
        var from = now - window.Horizon;
        var to = now.AddDays(1);
        var seenAtFrom = 0; // rows already read whose time equals `from` (pages restart at that instant)
        long loaded = 0;
        while (true)
        {
            var page = await store.ListAsync(TenantScope.All, new MeasurementQuery(null, metrics, from, to), PageSize + seenAtFrom, ct);
            foreach (var m in page.Skip(seenAtFrom))
            {
                window.Record(m);
                loaded++;
            }

            if (page.Count < PageSize + seenAtFrom)
            {
                return loaded;
            }

            // the next page starts at the last instant read and skips the rows of that instant already seen
            var last = page[^1].Time;
            seenAtFrom = page.Count(m => m.Time == last);
            from = last;
        }
    }
}
