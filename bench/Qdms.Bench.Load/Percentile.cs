namespace Qdms.Bench.Load;

/// <summary>Nearest-rank percentiles of a sorted sample.</summary>
internal static class Percentile
{
    /// <summary>The value at quantile <paramref name="q"/> (0–1] of <paramref name="sorted"/>, which must be ascending and non-empty.</summary>
    public static double Of<T>(IReadOnlyList<T> sorted, double q)
        where T : IConvertible =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)].ToDouble(System.Globalization.CultureInfo.InvariantCulture);
}
