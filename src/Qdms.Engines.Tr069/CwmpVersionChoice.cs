namespace Qdms.Engines.Tr069;

/// <summary>
/// CWMP version negotiation (TR-069 Amendment 5+, Annex A.3.1): the CPE lists the versions it supports in the Inform's
/// SupportedCWMPVersions header ("1.0,1.1,1.2,1.3,1.4"); the ACS answers the InformResponse with UseCWMPVersion, the highest
/// version both support.
/// </summary>
internal static class CwmpVersionChoice
{
    /// <summary>The versions this ACS speaks.</summary>
    public static readonly IReadOnlyList<Version> Supported = [new(1, 0), new(1, 1), new(1, 2), new(1, 3), new(1, 4)];

    /// <summary>
    /// The highest version in <paramref name="supportedByCpe"/> this ACS supports, as "major.minor"; null when the CPE named
    /// none (no header, or none in common: the session then runs in the envelope's namespace version without the header).
    /// Entries that do not parse are skipped.
    /// </summary>
    public static string? Choose(string? supportedByCpe)
    {
        if (string.IsNullOrWhiteSpace(supportedByCpe))
        {
            return null;
        }

        Version? best = null;
        foreach (var entry in supportedByCpe.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (Version.TryParse(entry, out var v) && v.Build < 0 && Supported.Contains(v) && (best is null || v > best))
            {
                best = v;
            }
        }

        return best?.ToString(2);
    }

    /// <summary>The CPE's announced session timeout as this ACS applies it: 1–3600 s; null when it announced none.</summary>
    public static TimeSpan? SessionTimeout(uint? seconds) =>
        seconds is { } s and > 0 ? TimeSpan.FromSeconds(Math.Min(s, 3600)) : null;
}
