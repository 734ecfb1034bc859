using System.Net;
using System.Text.Json;
using Qdms.Engines.Tr069.ConnectionRequests;

namespace Qdms.Engines.Tr069;

/// <summary>
/// The tr069 engine's config: <c>{"address": "0.0.0.0", "port": 7547, "sessionTimeoutSeconds": 30, "maxBodyBytes": 4194304,
/// "fileBaseUrl": ""}</c>. Port 0 binds a free port. <c>fileBaseUrl</c> is the base URL CPEs fetch repository files under
/// (empty: <c>Qdms:Files:PublicBaseUrl</c>). <see cref="Xmpp"/>: the optional XMPP connection-request keys (<see cref="XmppChannelSettings"/>).
/// </summary>
internal sealed record Tr069Config(
    IPAddress Address,
    int Port,
    TimeSpan SessionTimeout,
    int MaxBodyBytes,
    string FileBaseUrl,
    XmppChannelSettings? Xmpp = null,
    Qdms.Core.CpeAuth.CpeAuthMode CpeAuth = Auth.CpeAuthConfig.DefaultMode,
    string Tenant = "",
    int NonceLifetimeSeconds = Auth.CpeAuthConfig.DefaultNonceLifetimeSeconds,
    Auth.CpeCertificate? Certificate = null,
    ConnectionRequestOptions? ConnectionRequest = null,
    int DownloadTimeoutSeconds = Tr069Config.DefaultDownloadTimeoutSeconds,
    bool HoldRequests = false,
    int MaxSessions = Tr069Config.DefaultMaxSessions,
    int MaxInformsInFlight = Tr069Config.DefaultMaxInformsInFlight)
{
    public const string DefaultAddress = "0.0.0.0";
    public const int DefaultPort = 7547;
    public const int DefaultSessionTimeoutSeconds = 30;
    public const int DefaultMaxBodyBytes = 4 * 1024 * 1024;

    /// <summary>Live sessions (plus Informs being started) beyond which a new session is answered 503 (docs/tr069.md, Overload).</summary>
    public const int DefaultMaxSessions = 2000;

    /// <summary>Informs being started at once (device look-up and the Inform's writes) beyond which a new session is answered 503.</summary>
    public const int DefaultMaxInformsInFlight = 128;

    /// <summary>Bounds a body so the codec's own limit (below <c>Array.MaxLength</c>) always holds.</summary>
    public const int MaxMaxBodyBytes = 64 * 1024 * 1024;

    /// <summary>How long a Download or Upload the CPE accepted (Status 1) may go unreported before its task fails (<c>timeout</c>).</summary>
    public const int DefaultDownloadTimeoutSeconds = 3600;

    /// <summary>The longest <c>downloadTimeoutSeconds</c>: a week.</summary>
    public const int MaxDownloadTimeoutSeconds = 7 * 86_400;

    private static readonly HashSet<string> Known = ["address", "port", "sessionTimeoutSeconds", "maxBodyBytes", "fileBaseUrl", .. XmppChannelSettings.Keys, .. Auth.CpeAuthConfig.Keys, .. ConnectionRequestOptions.Keys, "downloadTimeoutSeconds", "holdRequests", "maxSessions", "maxInformsInFlight"];

    /// <summary>Reads a config; <paramref name="problems"/> names each bad key.</summary>
    public static Tr069Config? TryRead(JsonElement config, List<string> problems)
    {
        if (config.ValueKind != JsonValueKind.Object)
        {
            problems.Add("the config must be a JSON object");
            return null;
        }

        foreach (var property in config.EnumerateObject().Where(p => !Known.Contains(p.Name)))
        {
            problems.Add($"unknown key '{property.Name}' (known: {string.Join(", ", Known)})");
        }

        IPAddress? address = null;
        if (!config.TryGetProperty("address", out var a) || a.ValueKind != JsonValueKind.String || !IPAddress.TryParse(a.GetString(), out address))
        {
            problems.Add("address must be an IP address in a string, such as \"0.0.0.0\" or \"::\"");
        }

        var port = Int(config, "port", 0, 65535, problems, "port must be a whole number from 0 (any free port) to 65535");
        var timeout = Int(config, "sessionTimeoutSeconds", 1, 3600, problems, "sessionTimeoutSeconds must be a whole number from 1 to 3600");
        var maxBody = Int(config, "maxBodyBytes", 1024, MaxMaxBodyBytes, problems, $"maxBodyBytes must be a whole number from 1024 to {MaxMaxBodyBytes}");
        var fileBaseUrl = "";
        if (config.TryGetProperty("fileBaseUrl", out var f))
        {
            fileBaseUrl = f.ValueKind == JsonValueKind.String ? f.GetString()! : "";
            if (f.ValueKind != JsonValueKind.String
                || (fileBaseUrl.Length > 0 && (!Uri.TryCreate(fileBaseUrl, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https"))))
            {
                problems.Add("fileBaseUrl must be an http or https URL in a string, or \"\"");
            }
        }

        var downloadTimeout = config.TryGetProperty("downloadTimeoutSeconds", out _)
            ? Int(config, "downloadTimeoutSeconds", 1, MaxDownloadTimeoutSeconds, problems, $"downloadTimeoutSeconds must be a whole number from 1 to {MaxDownloadTimeoutSeconds}")
            : DefaultDownloadTimeoutSeconds;
        var hold = false;
        if (config.TryGetProperty("holdRequests", out var h))
        {
            hold = h.ValueKind == JsonValueKind.True;
            if (h.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                problems.Add("holdRequests must be true or false");
            }
        }

        var maxSessions = config.TryGetProperty("maxSessions", out _)
            ? Int(config, "maxSessions", 1, 1_000_000, problems, "maxSessions must be a whole number from 1 to 1000000")
            : DefaultMaxSessions;
        var maxInforms = config.TryGetProperty("maxInformsInFlight", out _)
            ? Int(config, "maxInformsInFlight", 1, 100_000, problems, "maxInformsInFlight must be a whole number from 1 to 100000")
            : DefaultMaxInformsInFlight;
        var xmpp = XmppChannelSettings.TryRead(config, problems);
        var connectionRequest = ConnectionRequestOptions.TryRead(config, problems);
        var auth = Auth.CpeAuthConfig.Read(config, problems);
        return problems.Count == 0
            ? new Tr069Config(address!, port, TimeSpan.FromSeconds(timeout), maxBody, fileBaseUrl.TrimEnd('/'), xmpp, auth.Mode, auth.Tenant, auth.NonceLifetimeSeconds, auth.Certificate, connectionRequest, downloadTimeout, hold, maxSessions, maxInforms)
            : null;
    }

    private static int Int(JsonElement config, string key, int min, int max, List<string> problems, string rule)
    {
        if (!config.TryGetProperty(key, out var p) || p.ValueKind != JsonValueKind.Number || !p.TryGetInt32(out var value) || value < min || value > max)
        {
            problems.Add(rule);
            return 0;
        }

        return value;
    }
}
