using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qdms.Cli.Commands;

/// <summary>
/// Builds an engine config from <c>--config JSON</c> and <c>--set key=value</c> pairs (later ones win). A value that parses
/// as JSON (<c>7000</c>, <c>true</c>, <c>"x"</c>, <c>{…}</c>) is taken as such; anything else is a string.
/// </summary>
public static class EngineConfigArguments
{
    public static JsonElement? Build(string? configJson, IReadOnlyList<string>? sets)
    {
        JsonObject? config = null;
        if (!string.IsNullOrWhiteSpace(configJson))
        {
            try
            {
                config = JsonNode.Parse(configJson) as JsonObject ?? throw new CliException("--config must be a JSON object, such as '{\"port\": 7000}'.");
            }
            catch (JsonException e)
            {
                throw new CliException($"--config is not valid JSON: {e.Message}");
            }
        }

        foreach (var set in sets ?? [])
        {
            var eq = set.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new CliException($"--set '{set}' must be key=value, such as port=7000.");
            }

            config ??= [];
            config[set[..eq].Trim()] = ParseValue(set[(eq + 1)..]);
        }

        return config is null ? null : JsonSerializer.SerializeToElement(config);
    }

    private static JsonNode? ParseValue(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
