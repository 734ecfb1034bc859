using System.Buffers;

namespace Qdms.Qos.Window;

/// <summary>
/// One device's measurements of one metric group within the evaluation horizon, in time order, with the last window
/// statistics cached. The cache stays valid until a measurement arrives or the oldest batch in the window ages out of it,
/// so repeated evaluations cost a lookup per series rather than a scan.
/// </summary>
internal sealed class QosSeries
{
    private readonly Lock _lock = new();
    private readonly List<WindowEntry> _entries = [];
    private int _version;
    private Cache _cache = new(-1, -1, 0, 0, null);

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Adds a batch (in time order, late ones inserted) and drops those older than <paramref name="horizonMs"/> before the newest.</summary>
    public void Append(WindowEntry entry, long horizonMs)
    {
        lock (_lock)
        {
            if (_entries.Count == 0 || _entries[^1].AtMs <= entry.AtMs)
            {
                _entries.Add(entry);
            }
            else
            {
                _entries.Insert(LowerBound(entry.AtMs + 1), entry);
            }

            var expired = LowerBound(_entries[^1].AtMs - horizonMs);
            if (expired > 0 && (expired >= 64 || expired * 8 >= _entries.Count))
            {
                _entries.RemoveRange(0, expired); // amortised: a shift every few dozen batches, not every append
            }

            _version++;
        }
    }

    /// <summary>
    /// Statistics of the batches with <c>now − window ≤ at ≤ now</c>; a failed batch counts as <paramref name="worst"/>.
    /// Null when the window holds no batch.
    /// </summary>
    public WindowStats? Stats(long nowMs, long windowMs, double worst)
    {
        lock (_lock)
        {
            var c = _cache;
            if (c.Version == _version && c.WindowMs == windowMs && c.Worst == worst && nowMs >= c.FromMs && nowMs < c.UntilMs)
            {
                return c.Stats;
            }

            var first = LowerBound(nowMs - windowMs);
            var end = LowerBound(nowMs + 1);
            WindowStats? stats = end > first ? Compute(first, end, worst) : null;

            // the result holds while no batch leaves the window (the first one at first.at + window) or enters it (the next one's time)
            var until = long.MaxValue;
            if (end > first)
            {
                until = _entries[first].AtMs + windowMs + 1;
            }

            if (end < _entries.Count)
            {
                until = Math.Min(until, _entries[end].AtMs);
            }

            _cache = new Cache(_version, windowMs, nowMs, until, stats, worst);
            return stats;
        }
    }

    private WindowStats Compute(int first, int end, double worst)
    {
        var n = end - first;
        var medians = ArrayPool<double>.Shared.Rent(n);
        try
        {
            double min = double.MaxValue, max = double.MinValue, sum = 0;
            var failed = 0;
            for (var i = first; i < end; i++)
            {
                var e = _entries[i];
                double lo = e.Minimum, hi = e.Maximum, mean = e.Mean, median = e.Median;
                if (e.Failed)
                {
                    lo = hi = mean = median = worst;
                    failed++;
                }

                min = Math.Min(min, lo);
                max = Math.Max(max, hi);
                sum += mean;
                medians[i - first] = median;
            }

            var span = medians.AsSpan(0, n);
            span.Sort();
            var mid = n % 2 == 1 ? span[n / 2] : (span[(n / 2) - 1] + span[n / 2]) / 2;
            var last = _entries[end - 1];
            return new WindowStats(min, max, sum / n, mid, last.Failed ? worst : last.Current, n, failed);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(medians);
        }
    }

    /// <summary>The index of the first entry at or after <paramref name="atMs"/>.</summary>
    private int LowerBound(long atMs)
    {
        int lo = 0, hi = _entries.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_entries[mid].AtMs < atMs)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private sealed record Cache(int Version, long WindowMs, long FromMs, long UntilMs, WindowStats? Stats, double Worst = 0);
}
