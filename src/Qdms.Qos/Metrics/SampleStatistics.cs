namespace Qdms.Qos.Metrics;

/// <summary>
/// The statistics of one batch of samples: minimum, maximum, mean, median (the mean of the two middle values for an even
/// count), current (the newest sample), jitter (population standard deviation) and p95 (nearest rank).
/// </summary>
public readonly record struct SampleStatistics(double Minimum, double Maximum, double Mean, double Median, double Current, double Jitter, double P95, int Count)
{
    /// <summary>Statistics of <paramref name="samples"/> in the order they were taken (the last is "current"); null when empty.</summary>
    public static SampleStatistics? Of(IReadOnlyList<double> samples)
    {
        if (samples.Count == 0)
        {
            return null;
        }

        var sorted = samples.ToArray();
        Array.Sort(sorted);
        var n = sorted.Length;
        var mean = 0.0;
        foreach (var s in sorted)
        {
            mean += s;
        }

        mean /= n;
        var variance = 0.0;
        foreach (var s in sorted)
        {
            variance += (s - mean) * (s - mean);
        }

        var median = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
        var p95 = sorted[Math.Clamp((int)Math.Ceiling(0.95 * n) - 1, 0, n - 1)];
        return new SampleStatistics(sorted[0], sorted[^1], mean, median, samples[^1], Math.Sqrt(variance / n), p95, n);
    }
}
