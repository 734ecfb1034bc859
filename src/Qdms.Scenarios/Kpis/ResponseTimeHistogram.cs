using System.Numerics;

namespace Qdms.Scenarios.Kpis;

/// <summary>
/// Response times in microseconds, in a log-linear histogram: exact below 1,024 µs, then 512 buckets per power of two
/// (a percentile is within 0.1 % of the true sample). Min, max, mean and count are exact. Values above 2^36 µs (19 h) are clamped.
/// </summary>
public sealed class ResponseTimeHistogram
{
    private const int LinearLimit = 1024;
    private const int SubBits = 9;
    private const int SubBuckets = 1 << SubBits;
    private const int MaxExponent = 36 - SubBits;
    private const long MaxValue = (1L << 36) - 1;
    private readonly long[] _counts = new long[LinearLimit + (MaxExponent * SubBuckets)];
    private long _sum;

    /// <summary>How many values were recorded.</summary>
    public long Count { get; private set; }

    /// <summary>The smallest value (µs), or 0.</summary>
    public long Min { get; private set; }

    /// <summary>The largest value (µs), or 0.</summary>
    public long Max { get; private set; }

    /// <summary>The mean (µs), or 0.</summary>
    public double Mean => Count == 0 ? 0 : (double)_sum / Count;

    /// <summary>Adds a response time in microseconds.</summary>
    public void Record(long micros)
    {
        var v = Math.Clamp(micros, 0, MaxValue);
        _counts[IndexOf(v)]++;
        Min = Count == 0 ? v : Math.Min(Min, v);
        Max = Math.Max(Max, v);
        _sum += v;
        Count++;
    }

    /// <summary>Adds every value of <paramref name="other"/>.</summary>
    public void Add(ResponseTimeHistogram other)
    {
        if (other.Count == 0)
        {
            return;
        }

        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Min = Count == 0 ? other.Min : Math.Min(Min, other.Min);
        Max = Math.Max(Max, other.Max);
        _sum += other._sum;
        Count += other.Count;
    }

    /// <summary>The value (µs) at or below which <paramref name="percent"/> % of the values fall (nearest rank), or 0 when empty.</summary>
    public long Percentile(double percent)
    {
        if (Count == 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(percent / 100.0 * Count));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return Math.Clamp(Representative(i), Min, Max);
            }
        }

        return Max;
    }

    private static int IndexOf(long v)
    {
        if (v < LinearLimit)
        {
            return (int)v;
        }

        var e = 63 - BitOperations.LeadingZeroCount((ulong)v) - SubBits;
        return LinearLimit + ((e - 1) * SubBuckets) + (int)((v >> e) - SubBuckets);
    }

    private static long Representative(int index)
    {
        if (index < LinearLimit)
        {
            return index;
        }

        var e = ((index - LinearLimit) / SubBuckets) + 1;
        var sub = ((index - LinearLimit) % SubBuckets) + SubBuckets;
        var low = (long)sub << e;
        return low + ((1L << e) / 2);
    }
}
