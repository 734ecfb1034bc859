namespace Qdms.Core.Provisioning;

/// <summary>The Inform event codes a rule may run on (TR-069 Annex A.3.3.1 Table 7), plus <c>M &lt;method&gt;</c> codes.</summary>
public static class ProvisioningEvents
{
    public const string Bootstrap = "0 BOOTSTRAP";
    public const string Boot = "1 BOOT";
    public const string Periodic = "2 PERIODIC";

    public static IReadOnlyList<string> Known { get; } =
    [
        Bootstrap, Boot, Periodic, "3 SCHEDULED", "4 VALUE CHANGE", "5 KICKED", "6 CONNECTION REQUEST", "7 TRANSFER COMPLETE",
        "8 DIAGNOSTICS COMPLETE", "9 REQUEST DOWNLOAD", "10 AUTONOMOUS TRANSFER COMPLETE", "11 DU STATE CHANGE COMPLETE",
        "12 AUTONOMOUS DU STATE CHANGE COMPLETE", "13 WAKEUP", "14 HEARTBEAT",
    ];

    /// <summary>
    /// The canonical form of a code (<c>"0 bootstrap"</c> and <c>"0"</c> become <c>"0 BOOTSTRAP"</c>; <c>"M Reboot"</c> stays),
    /// or null when it is not one.
    /// </summary>
    public static string? Canonical(string? code)
    {
        var text = code?.Trim() ?? "";
        if (text.StartsWith("M ", StringComparison.Ordinal) && text.Length > 2 && text.Length <= 64 && !text.Any(char.IsControl))
        {
            return text;
        }

        foreach (var known in Known)
        {
            if (string.Equals(known, text, StringComparison.OrdinalIgnoreCase) || known.AsSpan(0, known.IndexOf(' ')).SequenceEqual(text))
            {
                return known;
            }
        }

        return null;
    }
}
