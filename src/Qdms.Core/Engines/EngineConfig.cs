using System.Text.Json;
using System.Text.Json.Nodes;
using Qdms.Core.Errors;

namespace Qdms.Core.Engines;

/// <summary>Engine configs: filling in a type's defaults, checking them, and masking secret fields for display.</summary>
internal static class EngineConfig
{
    public const string Mask = "********";

    /// <summary>Limits what one instance's config may weigh in the database.</summary>
    public const int MaxConfigBytes = 64 * 1024;

    /// <summary>The config given (an object, or null for none) with every missing top-level key taken from the type's defaults.</summary>
    public static string MergeAndValidate(IDmEngineType type, JsonElement? given)
    {
        var merged = type.DefaultConfig();
        if (given is { } g && g.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
        {
            if (g.ValueKind != JsonValueKind.Object)
            {
                throw new ValidationException("config", $"config must be a JSON object, not {g.ValueKind.ToString().ToLowerInvariant()}.");
            }

            foreach (var property in g.EnumerateObject())
            {
                merged[property.Name] = JsonNode.Parse(property.Value.GetRawText());
            }
        }

        var text = merged.ToJsonString();
        if (text.Length > MaxConfigBytes)
        {
            throw new ValidationException("config", $"config is {text.Length} bytes; the limit is {MaxConfigBytes}.");
        }

        using var document = JsonDocument.Parse(text);
        IReadOnlyList<string> problems;
        try
        {
            problems = type.Validate(document.RootElement);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            problems = [$"the {type.Name} engine could not check its config: {e.Message}"];
        }

        if (problems.Count > 0)
        {
            throw new ValidationException("config", $"Invalid {type.Name} engine config: {string.Join("; ", problems)}");
        }

        return text;
    }

    /// <summary>The config with the type's secret fields masked; with the type unknown, every string value is masked.</summary>
    public static string Redact(IDmEngineType? type, string config)
    {
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(config) as JsonObject;
        }
        catch (JsonException)
        {
            return "{}";
        }

        if (root is null)
        {
            return "{}";
        }

        var secrets = type?.ConfigFields.Where(f => f.Secret).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var key in root.Select(p => p.Key).ToList())
        {
            var secret = secrets is null ? root[key]?.GetValueKind() == JsonValueKind.String : secrets.Contains(key);
            if (secret && root[key] is not null)
            {
                root[key] = Mask;
            }
        }

        return root.ToJsonString();
    }
}
