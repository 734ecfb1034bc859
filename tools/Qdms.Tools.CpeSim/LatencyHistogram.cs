using System.Globalization;
using System.Text;

namespace Qdms.Tools.CpeSim;

/// <summary>Session latencies of a load run: percentiles and a log-scale histogram (thread-safe to add to).</summary>
public sealed class LatencyHistogram
{
    private static readonly double[] Bounds = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 30000];
    private readonly List<double> _ms = [];

    public int Count
    {
        get
        {
            lock (_ms)
            {
                return _ms.Count;
            }
        }
    }

    public void Add(TimeSpan latency)
    {
        lock (_ms)
        {
            _ms.Add(latency.TotalMilliseconds);
        }
    }

    /// <summary>The latency below which <paramref name="percent"/> of the sessions fall, in milliseconds (0 when none).</summary>
    public double Percentile(double percent)
    {
        lock (_ms)
        {
            if (_ms.Count == 0)
            {
                return 0;
            }

            var sorted = _ms.Order().ToList();
            return sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * percent / 100))];
        }
    }

    /// <summary>One line of percentiles.</summary>
    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"p50 {Percentile(50):F1} ms  p90 {Percentile(90):F1} ms  p99 {Percentile(99):F1} ms  p99.9 {Percentile(99.9):F1} ms  max {Percentile(100):F1} ms");

    /// <summary>The histogram, one line per non-empty bucket: upper bound, count, share and a bar.</summary>
    public string Render()
    {
        double[] values;
        lock (_ms)
        {
            values = [.. _ms];
        }

        var counts = new int[Bounds.Length + 1];
        foreach (var v in values)
        {
            var k = Array.FindIndex(Bounds, b => v <= b);
            counts[k < 0 ? Bounds.Length : k]++;
        }

        var text = new StringBuilder();
        for (var k = 0; k < counts.Length; k++)
        {
            if (counts[k] == 0)
            {
                continue;
            }

            var label = k < Bounds.Length ? $"<= {Bounds[k]} ms" : $"> {Bounds[^1]} ms";
            var share = (double)counts[k] / values.Length;
            text.Append(CultureInfo.InvariantCulture, $"  {label,12} {counts[k],9} {share,7:P1} {new string('#', (int)Math.Ceiling(share * 50))}\n");
        }

        return text.ToString();
    }
}
