using System.Net;

namespace Qdms.Agent;

/// <summary>Checks <see cref="AgentOptions"/> at start; each message names the key, the value and the rule.</summary>
internal static class AgentOptionsValidator
{
    /// <summary>The problems found; empty when the options are usable.</summary>
    public static IReadOnlyList<string> Validate(AgentOptions o)
    {
        var errors = new List<string>();
        const string S = AgentOptions.Section;
        if (!IPAddress.TryParse(o.Address, out _))
        {
            errors.Add($"{S}:Address '{o.Address}' is not an IP address (use 0.0.0.0, ::, 127.0.0.1, …).");
        }

        if (o.Port is < 0 or > 65535)
        {
            errors.Add($"{S}:Port {o.Port} must be between 0 and 65535.");
        }

        if (o.Token is { } token && (token.Length < 16 || token.Any(char.IsWhiteSpace)))
        {
            errors.Add($"{S}:Token must be at least 16 characters without whitespace.");
        }

        foreach (var group in o.EnabledGroups.Where(g => !OidGroups.All.Contains(g)))
        {
            errors.Add($"{S}:Groups contains unknown group '{group}'; known: {string.Join(", ", OidGroups.All)}.");
        }

        foreach (var iface in o.Interfaces.Where(i => i.Contains('/', StringComparison.Ordinal) || i is "." or ".."))
        {
            errors.Add($"{S}:Interface '{iface}' is not an interface name.");
        }

        if (o.DefaultLinkSpeedMbps <= 0)
        {
            errors.Add($"{S}:DefaultLinkSpeedMbps {o.DefaultLinkSpeedMbps} must be positive.");
        }

        if (o.EnabledGroups.Contains(OidGroups.DiskUsed) && !Directory.Exists(o.Mount))
        {
            errors.Add($"{S}:Mount '{o.Mount}' is not an existing directory.");
        }

        if (!Directory.Exists(o.ProcRoot))
        {
            errors.Add($"{S}:ProcRoot '{o.ProcRoot}' is not an existing directory.");
        }

        if (o.SampleIntervalMs is < 10 or > 60_000)
        {
            errors.Add($"{S}:SampleIntervalMs {o.SampleIntervalMs} must be between 10 and 60000.");
        }

        if (o.CertificatePath is { } cert && !File.Exists(cert))
        {
            errors.Add($"{S}:CertificatePath '{cert}' does not exist.");
        }

        if (o.CertificateKeyPath is { } key && (o.CertificatePath is null || !File.Exists(key)))
        {
            errors.Add(o.CertificatePath is null
                ? $"{S}:CertificateKeyPath is set but {S}:CertificatePath is not."
                : $"{S}:CertificateKeyPath '{key}' does not exist.");
        }

        return errors;
    }
}
