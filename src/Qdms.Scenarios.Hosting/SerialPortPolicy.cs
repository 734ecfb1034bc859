using System.Text.RegularExpressions;
using Qdms.Core.Errors;

namespace Qdms.Scenarios.Hosting;

/// <summary>Checks a serial device path against <see cref="ScenarioOptions.SerialPorts"/>.</summary>
internal static class SerialPortPolicy
{
    /// <summary>True when <paramref name="path"/> is absolute, has no <c>.</c> or <c>..</c> segment, and matches a pattern.</summary>
    public static bool Allows(IEnumerable<string> patterns, string path)
    {
        if (!path.StartsWith('/') || path.Split('/').Any(segment => segment is "." or ".."))
        {
            return false;
        }

        return patterns.Any(p => Regex.IsMatch(path, "^" + Regex.Escape(p).Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
    }

    /// <summary>Throws a 422 naming the setting when <paramref name="path"/> is not allowed.</summary>
    public static void Require(IReadOnlyList<string> patterns, string path)
    {
        if (!Allows(patterns, path))
        {
            throw new UnprocessableException(
                $"serial port '{path}' is not one this server lets scenario runs open; allowed: {string.Join(", ", patterns)} (setting {ScenarioOptions.Section}:SerialPorts).");
        }
    }
}
