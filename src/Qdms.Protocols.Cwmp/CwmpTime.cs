using System.Globalization;

namespace Qdms.Protocols.Cwmp;

/// <summary>xsd:dateTime as CWMP uses it, including the Unknown Time 0001-01-01T00:00:00Z (TR-069 Annex A.2.1).</summary>
public static class CwmpTime
{
    /// <summary>The Unknown Time, sent when a CPE cannot tell the time.</summary>
    public static DateTimeOffset Unknown => DateTimeOffset.MinValue;

    /// <summary>
    /// Parses an xsd:dateTime. An empty text or a zero date (0000-00-00…, which some CPEs send) is the Unknown Time;
    /// a time without offset is taken as UTC.
    /// </summary>
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        var span = text.AsSpan().Trim();
        if (span.IsEmpty || span.StartsWith("0000-"))
        {
            value = Unknown;
            return true;
        }
        return DateTimeOffset.TryParse(span, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value);
    }

    /// <summary>Formats <paramref name="value"/> in UTC as <c>yyyy-MM-ddTHH:mm:ss[.fffffff]Z</c>.</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
