using System.Net;
using System.Text.Json;

namespace Qdms.Engines.Echo;

/// <summary>The echo engine's config: <c>{"host": "127.0.0.1", "port": 7000}</c>; port 0 binds a free port.</summary>
internal sealed record EchoConfig(IPAddress Host, int Port)
{
    public const string DefaultHost = "127.0.0.1";
    public const int DefaultPort = 7000;

    private static readonly HashSet<string> Known = ["host", "port"];

    /// <summary>Reads a config; <paramref name="problems"/> names each bad key.</summary>
    public static EchoConfig? TryRead(JsonElement config, List<string> problems)
    {
        if (config.ValueKind != JsonValueKind.Object)
        {
            problems.Add("the config must be a JSON object");
            return null;
        }

        foreach (var property in config.EnumerateObject().Where(p => !Known.Contains(p.Name)))
        {
            problems.Add($"unknown key '{property.Name}' (known: host, port)");
        }

        IPAddress? host = null;
        if (!config.TryGetProperty("host", out var h) || h.ValueKind != JsonValueKind.String || !IPAddress.TryParse(h.GetString(), out host))
        {
            problems.Add("host must be an IP address in a string, such as \"127.0.0.1\" or \"::1\"");
        }

        var port = -1;
        if (!config.TryGetProperty("port", out var p) || p.ValueKind != JsonValueKind.Number || !p.TryGetInt32(out port) || port is < 0 or > 65535)
        {
            problems.Add("port must be a whole number from 0 (any free port) to 65535");
        }

        return problems.Count == 0 ? new EchoConfig(host!, port) : null;
    }
}
