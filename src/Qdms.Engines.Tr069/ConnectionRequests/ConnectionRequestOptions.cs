using System.Net;
using System.Text.Json;

namespace Qdms.Engines.Tr069.ConnectionRequests;

/// <summary>
/// How a tr069 engine sends connection requests: the credentials CPEs check (TR-069 ConnectionRequestUsername/Password), whether
/// HTTP Basic may be sent at all, how long to wait for a CPE, and which networks ConnectionRequestURLs may point into.
/// </summary>
/// <param name="AllowedNetworks">Empty: any address. Otherwise the URL's host must resolve into one of these (checked when connecting).</param>
internal sealed record ConnectionRequestOptions(string Username, string Password, bool AllowBasic, TimeSpan Timeout, IReadOnlyList<IPNetwork> AllowedNetworks)
{
    public const int DefaultTimeoutSeconds = 3;
    public const int MaxTimeoutSeconds = 60;

    public static readonly ConnectionRequestOptions Default = new("", "", false, TimeSpan.FromSeconds(DefaultTimeoutSeconds), []);

    /// <summary>The config keys read here (all optional).</summary>
    public static readonly string[] Keys =
    [
        "connectionRequestUsername", "connectionRequestPassword", "connectionRequestAllowBasic", "connectionRequestTimeoutSeconds",
        "connectionRequestAllowedNetworks",
    ];

    /// <summary>Reads the connection request keys of an engine config; a missing key takes its default. <paramref name="problems"/> names each bad key.</summary>
    public static ConnectionRequestOptions TryRead(JsonElement config, List<string> problems)
    {
        var username = ConfigValues.String(config, "connectionRequestUsername", problems);
        var password = ConfigValues.String(config, "connectionRequestPassword", problems);
        var allowBasic = false;
        if (config.TryGetProperty("connectionRequestAllowBasic", out var b))
        {
            if (b.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                allowBasic = b.GetBoolean();
            }
            else
            {
                problems.Add("connectionRequestAllowBasic must be true or false");
            }
        }

        var timeout = DefaultTimeoutSeconds;
        if (config.TryGetProperty("connectionRequestTimeoutSeconds", out var t)
            && (t.ValueKind != JsonValueKind.Number || !t.TryGetInt32(out timeout) || timeout < 1 || timeout > MaxTimeoutSeconds))
        {
            problems.Add($"connectionRequestTimeoutSeconds must be a whole number from 1 to {MaxTimeoutSeconds}");
        }

        var networks = new List<IPNetwork>();
        if (config.TryGetProperty("connectionRequestAllowedNetworks", out var n))
        {
            if (n.ValueKind != JsonValueKind.Array)
            {
                problems.Add("connectionRequestAllowedNetworks must be an array of networks such as [\"10.0.0.0/8\", \"2001:db8::/32\"]");
            }
            else
            {
                foreach (var item in n.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String && IPNetwork.TryParse(item.GetString(), out var network))
                    {
                        networks.Add(network);
                    }
                    else
                    {
                        problems.Add($"connectionRequestAllowedNetworks: '{item}' is not a network in CIDR notation (\"10.0.0.0/8\")");
                    }
                }
            }
        }

        return new ConnectionRequestOptions(username, password, allowBasic, TimeSpan.FromSeconds(timeout), networks);
    }
}
