using System.Globalization;
using System.Text.Json;

namespace Qdms.Agent;

/// <summary>
/// The agent's settings as flat <c>Section:Key</c> pairs (keys case-insensitive), from, later wins: <c>appsettings.json</c> next
/// to the binary, <see cref="SystemConfigFile"/>, environment variables <c>QDMS_AGENT__KEY</c>, and the command line
/// (<c>--port 1234</c>, <c>--Agent:Port 1234</c> or <c>--Agent:Port=1234</c>). A few lines of our own instead of
/// Microsoft.Extensions.Configuration keep those libraries out of the agent's memory.
/// </summary>
internal static class AgentConfiguration
{
    /// <summary>Optional system-wide configuration file.</summary>
    public const string SystemConfigFile = "/etc/qdms-agent/agent.json";

    private const string EnvironmentPrefix = "QDMS_";

    /// <summary>Command-line switches and the keys they set.</summary>
    public static readonly IReadOnlyDictionary<string, string> Switches = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["--address"] = "Agent:Address",
        ["--port"] = "Agent:Port",
        ["--token"] = "Agent:Token",
        ["--groups"] = "Agent:Groups",
        ["--interface"] = "Agent:Interface",
        ["--link-speed"] = "Agent:DefaultLinkSpeedMbps",
        ["--mount"] = "Agent:Mount",
        ["--certificate"] = "Agent:CertificatePath",
        ["--certificate-key"] = "Agent:CertificateKeyPath",
        ["--proc-root"] = "Agent:ProcRoot",
        ["--sys-root"] = "Agent:SysRoot",
        ["--sample-interval-ms"] = "Agent:SampleIntervalMs",
    };

    /// <summary>Every source merged; throws <see cref="AgentConfigurationException"/> for an unreadable file or a bad argument.</summary>
    public static Dictionary<string, string> Load(string[] args, string? systemFile = SystemConfigFile)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        AddJsonFile(values, Path.Combine(AppContext.BaseDirectory, "appsettings.json"));
        if (systemFile is not null)
        {
            AddJsonFile(values, systemFile);
        }

        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            var name = (string)e.Key;
            if (name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase) && e.Value is string value)
            {
                values[name[EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal)] = value;
            }
        }

        AddCommandLine(values, args);
        return values;
    }

    /// <summary>The options from merged values; a value that does not convert names its key.</summary>
    public static AgentOptions Bind(IReadOnlyDictionary<string, string> values)
    {
        var o = new AgentOptions();
        const string S = AgentOptions.Section + ":";
        string? Text(string key) => values.TryGetValue(S + key, out var v) ? v : null;
        int Int(string key, int fallback) => Text(key) is { } v
            ? int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
                : throw new AgentConfigurationException($"{S}{key} '{v}' is not a whole number.")
            : fallback;

        o.Address = Text(nameof(o.Address)) ?? o.Address;
        o.Port = Int(nameof(o.Port), o.Port);
        o.Token = Text(nameof(o.Token)) ?? o.Token;
        o.Groups = Text(nameof(o.Groups)) ?? o.Groups;
        o.Interface = Text(nameof(o.Interface)) ?? o.Interface;
        o.DefaultLinkSpeedMbps = Int(nameof(o.DefaultLinkSpeedMbps), o.DefaultLinkSpeedMbps);
        o.Mount = Text(nameof(o.Mount)) ?? o.Mount;
        o.ProcRoot = Text(nameof(o.ProcRoot)) ?? o.ProcRoot;
        o.SysRoot = Text(nameof(o.SysRoot)) ?? o.SysRoot;
        o.SampleIntervalMs = Int(nameof(o.SampleIntervalMs), o.SampleIntervalMs);
        o.CertificatePath = Text(nameof(o.CertificatePath)) ?? o.CertificatePath;
        o.CertificateKeyPath = Text(nameof(o.CertificateKeyPath)) ?? o.CertificateKeyPath;
        o.CertificatePassword = Text(nameof(o.CertificatePassword)) ?? o.CertificatePassword;
        return o;
    }

    private static void AddCommandLine(Dictionary<string, string> values, string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new AgentConfigurationException($"Unexpected argument '{arg}': use --switch value or --Agent:Key=value.");
            }

            string name, value;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                (name, value) = (arg[..eq], arg[(eq + 1)..]);
            }
            else if (i + 1 < args.Length)
            {
                (name, value) = (arg, args[++i]);
            }
            else
            {
                throw new AgentConfigurationException($"Argument '{arg}' has no value.");
            }

            values[Switches.TryGetValue(name, out var key) ? key : name[2..]] = value;
        }
    }

    private static void AddJsonFile(Dictionary<string, string> values, string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            Flatten(values, "", document.RootElement);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new AgentConfigurationException($"The configuration file '{path}' cannot be read: {e.Message}");
        }
    }

    private static void Flatten(Dictionary<string, string> values, string prefix, JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    Flatten(values, prefix.Length == 0 ? p.Name : $"{prefix}:{p.Name}", p.Value);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in e.EnumerateArray())
                {
                    Flatten(values, $"{prefix}:{i++}", item);
                }

                break;
            case JsonValueKind.String:
                values[prefix] = e.GetString()!;
                break;
            case JsonValueKind.Null:
                values.Remove(prefix);
                break;
            default:
                values[prefix] = e.GetRawText();
                break;
        }
    }
}
