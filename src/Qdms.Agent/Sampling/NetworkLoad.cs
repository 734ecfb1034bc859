namespace Qdms.Agent.Sampling;

/// <summary>Converts a byte-counter delta into a share of link capacity.</summary>
internal static class NetworkLoad
{
    /// <summary>
    /// Load in percent: <paramref name="bytes"/> moved in <paramref name="seconds"/> as bits per second over
    /// <paramref name="linkBitsPerSecond"/>, clamped to 0–100 (a link can briefly report more than its nominal speed).
    /// </summary>
    public static double Percent(ulong bytes, double seconds, double linkBitsPerSecond)
    {
        if (seconds <= 0 || linkBitsPerSecond <= 0)
        {
            return 0;
        }

        return Math.Clamp(bytes * 8.0 / seconds / linkBitsPerSecond * 100.0, 0, 100);
    }
}
