using System.Globalization;

namespace Qdms.Agent.Sampling;

/// <summary>Reads an interface's negotiated speed from sysfs.</summary>
internal static class LinkSpeed
{
    /// <summary>
    /// The speed in Mbit/s from <c>&lt;sysRoot&gt;/class/net/&lt;iface&gt;/speed</c>, or <paramref name="fallbackMbps"/>
    /// when the file is absent, unreadable (virtual interfaces answer EINVAL) or not positive (-1 = unknown).
    /// </summary>
    public static int ReadMbps(string sysRoot, string iface, int fallbackMbps)
    {
        try
        {
            var text = File.ReadAllText(Path.Combine(sysRoot, "class", "net", iface, "speed")).Trim();
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var mbps) && mbps > 0
                ? mbps
                : fallbackMbps;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return fallbackMbps;
        }
    }
}
