namespace Qdms.Scenarios.Kpis;

/// <summary>The Wilson score interval of a proportion: sound at small N and at 0 % and 100 %, unlike p ± z·√(p(1−p)/n).</summary>
public readonly record struct WilsonInterval(double Low, double High)
{
    /// <summary>z for a two-sided 95 % interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The interval for <paramref name="successes"/> of <paramref name="n"/> (0 to 1 when n is 0).</summary>
    public static WilsonInterval Of(long successes, long n, double z = Z95)
    {
        if (n <= 0)
        {
            return new WilsonInterval(0, 1);
        }

        var p = (double)successes / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n))) / denominator;
        return new WilsonInterval(Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
