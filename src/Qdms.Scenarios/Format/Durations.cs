using System.Globalization;

namespace Qdms.Scenarios.Format;

/// <summary>Durations as scenarios write them: <c>500us</c>, <c>100ms</c>, <c>14s</c>, <c>2m</c>, <c>1h</c>; a bare number is seconds.</summary>
public static class Durations
{
    /// <summary>Parses a duration; false when the text is not one.</summary>
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        var t = text.Trim();
        (string Unit, double Ticks)[] units =
        [
            ("us", TimeSpan.TicksPerMicrosecond), ("µs", TimeSpan.TicksPerMicrosecond), ("ms", TimeSpan.TicksPerMillisecond),
            ("s", TimeSpan.TicksPerSecond), ("m", TimeSpan.TicksPerMinute), ("h", TimeSpan.TicksPerHour),
        ];
        foreach (var (unit, ticks) in units)
        {
            if (t.EndsWith(unit, StringComparison.Ordinal)
                && double.TryParse(t[..^unit.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0)
            {
                value = TimeSpan.FromTicks((long)Math.Round(n * ticks));
                return true;
            }
        }

        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            value = TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
            return true;
        }

        return false;
    }

    /// <summary>Short text: <c>250ms</c>, <c>14s</c>.</summary>
    public static string Format(TimeSpan d) =>
        d.Ticks % TimeSpan.TicksPerSecond == 0 ? $"{d.Ticks / TimeSpan.TicksPerSecond}s"
        : d.Ticks % TimeSpan.TicksPerMillisecond == 0 ? $"{d.Ticks / TimeSpan.TicksPerMillisecond}ms"
        : $"{d.Ticks / TimeSpan.TicksPerMicrosecond}us";
}
