using System.Text.Json;

namespace Qdms.Engines.Tr069;

/// <summary>Reads of the engine's JSON config that collect problems instead of throwing (one message per bad key).</summary>
internal static class ConfigValues
{
    /// <summary>The string at <paramref name="key"/>; "" when absent, and "" with a problem when it is not a string.</summary>
    public static string String(JsonElement config, string key, List<string> problems)
    {
        if (!config.TryGetProperty(key, out var p))
        {
            return "";
        }

        if (p.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{key} must be a string");
            return "";
        }

        return p.GetString()!;
    }
}
