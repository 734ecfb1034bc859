using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Qdms.Agent;

/// <summary>
/// <c>GET /device-qos?batch=N&amp;oids=1.4&amp;oids=2.1</c>: for each requested OID the newest N samples, oldest
/// first, as <c>{"1.4":[…],"2.1":[…]}</c> — the device agent protocol of the Arrowhead DeviceQoSEvaluator.
/// </summary>
internal sealed class DeviceQosEndpoint(SampleStore store, string? token)
{
    /// <summary>The route.</summary>
    public const string Path = "/device-qos";

    private readonly byte[]? _expected = token is null ? null : Encoding.UTF8.GetBytes(token);

    /// <summary>The answer to <c>GET <paramref name="target"/></c> (path and query) with the request's Authorization header.</summary>
    public AgentResponse Handle(string target, string? authorization)
    {
        var q = target.IndexOf('?', StringComparison.Ordinal);
        var path = q < 0 ? target : target[..q];
        if (path != Path)
        {
            return Problem(404, "Not found", $"No resource at '{path}'; the agent serves {Path}.");
        }

        if (_expected is not null && !HasToken(authorization, _expected))
        {
            return Problem(401, "Unauthorized", "A valid 'Authorization: Bearer <token>' header is required.") with { Challenge = true };
        }

        var query = ParseQuery(q < 0 ? "" : target[(q + 1)..]);
        var batchText = query.TryGetValue("batch", out var b) ? b : [];
        if (batchText.Count != 1 || !int.TryParse(batchText[0], out var batch) || batch is < 1 or > SampleRing.Capacity)
        {
            return Problem(400, "Bad request", $"batch must be one whole number between 1 and {SampleRing.Capacity} (was '{string.Join(",", batchText)}').");
        }

        var oids = (query.TryGetValue("oids", out var o) ? o : [])
            .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (oids.Count == 0)
        {
            return Problem(400, "Bad request", "oids is required: one or more of " + string.Join(", ", store.Oids) + ".");
        }

        var unknown = oids.Where(id => !store.IsKnown(id)).ToList();
        if (unknown.Count > 0)
        {
            return Problem(400, "Bad request", $"unknown oids: {string.Join(", ", unknown)}; known: {string.Join(", ", store.Oids)}.");
        }

        var result = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var oid in oids)
        {
            result[oid] = store.Newest(oid, batch);
        }

        return new AgentResponse(200, "application/json", JsonSerializer.SerializeToUtf8Bytes(result, AgentJson.Default.DictionaryStringDoubleArray));
    }

    /// <summary>A problem+json answer.</summary>
    public static AgentResponse Problem(int status, string title, string detail) =>
        new(status, "application/problem+json", JsonSerializer.SerializeToUtf8Bytes(new AgentProblem(status, title, detail), AgentJson.Default.AgentProblem));

    /// <summary>Query parameters, each name with its values in order (<c>+</c> is a space, %-escapes decoded).</summary>
    public static Dictionary<string, List<string>> ParseQuery(string query)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Decode(pair[(eq + 1)..]);
            if (!result.TryGetValue(name, out var values))
            {
                values = [];
                result[name] = values;
            }

            values.Add(value);
        }

        return result;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static bool HasToken(string? header, byte[] expected)
    {
        const string Scheme = "Bearer ";
        if (header is null || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var presented = Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(presented, expected);
    }
}
