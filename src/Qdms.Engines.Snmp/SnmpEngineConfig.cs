using System.Net;
using System.Text.Json;
using Qdms.Core.Snmp;
using Qdms.Engines.Snmp.Access;

namespace Qdms.Engines.Snmp;

/// <summary>
/// The snmp engine's config. Defaults: traps on udp 0.0.0.0:162 as root or 1162 otherwise, from any community, polling on with at most 500 polls at once
/// (first polls spread over the profile's interval),
/// 2 s timeout and 1 retry per request, the plan re-read every 60 s (and at once on changes made through this server),
/// due tasks looked for every second.
/// </summary>
internal sealed record SnmpEngineConfig(
    bool Polling,
    bool SpreadFirstPolls,
    int MaxConcurrentPolls,
    TimeSpan Timeout,
    int Retries,
    TimeSpan ReloadInterval,
    TimeSpan TaskPollInterval,
    bool Traps,
    IPAddress TrapHost,
    int TrapPort,
    IReadOnlyList<string>? TrapCommunities,
    IReadOnlyList<AgentUser> TrapUsers)
{
    /// <summary>The trap port of an unprivileged process: 1162 (ports below 1024 need root or CAP_NET_BIND_SERVICE).</summary>
    public const int UnprivilegedTrapPort = 1162;

    /// <summary>The standard trap port, the default of a process that may bind it.</summary>
    public const int StandardTrapPort = 162;

    /// <summary>The default trap port: 162 for a privileged process (root), 1162 otherwise.</summary>
    public static int DefaultTrapPort(bool privileged) => privileged ? StandardTrapPort : UnprivilegedTrapPort;

    private static readonly HashSet<string> Known =
        ["polling", "spreadFirstPolls", "maxConcurrentPolls", "timeoutMs", "retries", "reloadSeconds", "taskPollMs", "traps", "trapHost", "trapPort", "trapCommunities", "trapUsers"];

    public static SnmpEngineConfig? TryRead(JsonElement config, List<string> problems)
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

        var polling = Bool(config, "polling", problems);
        var spread = Bool(config, "spreadFirstPolls", problems);
        var concurrency = Int(config, "maxConcurrentPolls", 1, 100_000, problems);
        var timeout = Int(config, "timeoutMs", 10, 60_000, problems);
        var retries = Int(config, "retries", 0, 10, problems);
        var reload = Int(config, "reloadSeconds", 1, 86_400, problems);
        var taskPoll = Int(config, "taskPollMs", 50, 60_000, problems);
        var traps = Bool(config, "traps", problems);
        var port = Int(config, "trapPort", 0, 65535, problems);
        IPAddress? host = null;
        if (!config.TryGetProperty("trapHost", out var h) || h.ValueKind != JsonValueKind.String || !IPAddress.TryParse(h.GetString(), out host))
        {
            problems.Add("trapHost must be an IP address in a string, such as \"0.0.0.0\" or \"127.0.0.1\"");
        }

        List<string>? communities = null;
        if (config.TryGetProperty("trapCommunities", out var c) && c.ValueKind != JsonValueKind.Null)
        {
            if (c.ValueKind != JsonValueKind.Array || c.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String || e.GetString()!.Length == 0))
            {
                problems.Add("trapCommunities must be null (any community) or an array of non-empty strings");
            }
            else
            {
                communities = c.EnumerateArray().Select(e => e.GetString()!).ToList();
            }
        }

        var users = new List<AgentUser>();
        if (config.TryGetProperty("trapUsers", out var u) && u.ValueKind != JsonValueKind.Null)
        {
            if (u.ValueKind != JsonValueKind.Array)
            {
                problems.Add("trapUsers must be an array of {name, authProtocol, authPassword, privProtocol, privPassword}");
            }
            else
            {
                var i = 0;
                foreach (var user in u.EnumerateArray())
                {
                    if (TryUser(user, $"trapUsers[{i++}]", problems) is { } ok)
                    {
                        users.Add(ok);
                    }
                }
            }
        }

        return problems.Count == 0
            ? new SnmpEngineConfig(polling, spread, concurrency, TimeSpan.FromMilliseconds(timeout), retries, TimeSpan.FromSeconds(reload), TimeSpan.FromMilliseconds(taskPoll),
                traps, host!, port, communities, users)
            : null;
    }

    private static AgentUser? TryUser(JsonElement user, string field, List<string> problems)
    {
        string? Text(string key) => user.ValueKind == JsonValueKind.Object && user.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var name = Text("name");
        if (string.IsNullOrEmpty(name) || name.Length > SnmpRules.MaxUserNameLength)
        {
            problems.Add($"{field}.name must be a user name of 1–{SnmpRules.MaxUserNameLength} characters");
            return null;
        }

        try
        {
            var auth = SnmpNames.Protocol(Text("authProtocol"), SnmpNames.AuthProtocols, $"{field}.authProtocol");
            var priv = SnmpNames.Protocol(Text("privProtocol"), SnmpNames.PrivProtocols, $"{field}.privProtocol");
            var authPassword = Text("authPassword");
            var privPassword = Text("privPassword");
            if ((auth != "none" && (authPassword?.Length ?? 0) < SnmpRules.MinPasswordLength) || (priv != "none" && (privPassword?.Length ?? 0) < SnmpRules.MinPasswordLength))
            {
                problems.Add($"{field}: each password in use must be at least {SnmpRules.MinPasswordLength} characters");
                return null;
            }

            if (auth == "none" && priv != "none")
            {
                problems.Add($"{field}: privacy needs authentication");
                return null;
            }

            return new AgentUser(name, auth, authPassword, priv, privPassword);
        }
        catch (Core.Errors.ValidationException e)
        {
            problems.Add(e.Message);
            return null;
        }
    }

    private static bool Bool(JsonElement config, string key, List<string> problems)
    {
        if (config.TryGetProperty(key, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetBoolean();
        }

        problems.Add($"{key} must be true or false");
        return false;
    }

    private static int Int(JsonElement config, string key, int min, int max, List<string> problems)
    {
        if (config.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n >= min && n <= max)
        {
            return n;
        }

        problems.Add($"{key} must be a whole number from {min} to {max}");
        return 0;
    }
}
