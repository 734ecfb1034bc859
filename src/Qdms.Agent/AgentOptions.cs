namespace Qdms.Agent;

/// <summary>Settings of the agent, bound from the "Agent" configuration section.</summary>
internal sealed class AgentOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Agent";

    /// <summary>IP address to listen on (0.0.0.0 = all IPv4, :: = all IPv6).</summary>
    public string Address { get; set; } = "0.0.0.0";

    /// <summary>TCP port; 0 picks a free port.</summary>
    public int Port { get; set; } = 59473;

    /// <summary>When set, requests must carry "Authorization: Bearer &lt;token&gt;".</summary>
    public string? Token { get; set; }

    /// <summary>Comma-separated OID groups to sample; the others answer an empty list.</summary>
    public string Groups { get; set; } = string.Join(',', OidGroups.All);

    /// <summary>Comma-separated interfaces for 3.1/3.2; empty = every interface except lo.</summary>
    public string? Interface { get; set; }

    /// <summary>Link speed in Mbit/s used when sysfs does not report one.</summary>
    public int DefaultLinkSpeedMbps { get; set; } = 1000;

    /// <summary>A path on the filesystem whose use 4.1 reports.</summary>
    public string Mount { get; set; } = "/";

    /// <summary>Root of procfs (tests point it at fixed files).</summary>
    public string ProcRoot { get; set; } = "/proc";

    /// <summary>Root of sysfs (tests point it at fixed files).</summary>
    public string SysRoot { get; set; } = "/sys";

    /// <summary>Milliseconds between samples; the protocol assumes 1000.</summary>
    public int SampleIntervalMs { get; set; } = 1000;

    /// <summary>TLS certificate: a .pfx/.p12 file, or a PEM certificate (with <see cref="CertificateKeyPath"/>).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>PEM private key of a PEM certificate; omitted when the key is in the certificate file.</summary>
    public string? CertificateKeyPath { get; set; }

    /// <summary>Password of the PFX file or of an encrypted PEM key.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>The enabled groups, parsed from <see cref="Groups"/>.</summary>
    public IReadOnlySet<string> EnabledGroups =>
        Groups.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>The configured interfaces, parsed from <see cref="Interface"/>; empty means all but lo.</summary>
    public IReadOnlyList<string> Interfaces =>
        (Interface ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
