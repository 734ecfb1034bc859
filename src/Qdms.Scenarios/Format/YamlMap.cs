using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Qdms.Scenarios.Format;

/// <summary>
/// A YAML mapping read with a fixed set of allowed keys: unknown keys are reported with their line, and each accessor
/// reports a missing or malformed value at the value's own line.
/// </summary>
internal sealed class YamlMap
{
    private readonly Dictionary<string, YamlNode> _values = new(StringComparer.Ordinal);
    private readonly ParseContext _ctx;

    private YamlMap(YamlNode node, string path, ParseContext ctx)
    {
        Node = node;
        Path = path;
        _ctx = ctx;
    }

    public YamlNode Node { get; }

    public string Path { get; }

    /// <summary>Reads <paramref name="node"/> as a mapping; null (and a problem) when it is not one.</summary>
    public static YamlMap? Read(YamlNode node, string path, ParseContext ctx, params string[] allowed)
    {
        if (node is not YamlMappingNode m)
        {
            ctx.Error(node, path, "expected a mapping (key: value lines)");
            return null;
        }

        var map = new YamlMap(node, path, ctx);
        foreach (var (k, v) in m.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                ctx.Error(k, Join(path, key), $"unknown key '{key}'; the keys here are {string.Join(", ", allowed)}");
                continue;
            }

            map._values[key] = v;
        }

        return map;
    }

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    public string At(string key) => Join(Path, key);

    public bool Has(string key) => _values.ContainsKey(key);

    public YamlNode? Get(string key) => _values.GetValueOrDefault(key);

    public string? String(string key, bool required = false)
    {
        if (!_values.TryGetValue(key, out var n))
        {
            if (required)
            {
                _ctx.Error(Node, At(key), $"'{key}' is required");
            }

            return null;
        }

        if (n is YamlScalarNode s && s.Value is { } v)
        {
            return v;
        }

        _ctx.Error(n, At(key), "expected a single value");
        return null;
    }

    public int? Int(string key, int min, int max, bool required = false)
    {
        var s = String(key, required);
        if (s is null)
        {
            return null;
        }

        if (!int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
        {
            _ctx.Error(_values[key], At(key), $"expected a whole number from {min} to {max}; got '{s}'");
            return null;
        }

        return v;
    }

    public TimeSpan? Duration(string key, TimeSpan max, bool allowZero = false)
    {
        var s = String(key);
        if (s is null)
        {
            return null;
        }

        if (!Durations.TryParse(s, out var d) || d > max || (!allowZero && d == TimeSpan.Zero))
        {
            _ctx.Error(_values[key], At(key), $"expected a duration{(allowZero ? "" : " above zero")} up to {Durations.Format(max)} (e.g. 500ms, 14s); got '{s}'");
            return null;
        }

        return d;
    }

    public bool? Bool(string key)
    {
        var s = String(key);
        if (s is null)
        {
            return null;
        }

        if (s is "true" or "yes" or "on")
        {
            return true;
        }

        if (s is "false" or "no" or "off")
        {
            return false;
        }

        _ctx.Error(_values[key], At(key), $"expected true or false; got '{s}'");
        return null;
    }

    public T? Choice<T>(string key, IReadOnlyDictionary<string, T> choices, bool required = false)
        where T : struct
    {
        var s = String(key, required);
        if (s is null)
        {
            return null;
        }

        if (choices.TryGetValue(s, out var v))
        {
            return v;
        }

        _ctx.Error(_values[key], At(key), $"'{s}' is not one of {string.Join(", ", choices.Keys)}");
        return null;
    }

    public IReadOnlyList<(YamlNode Node, string Path)> List(string key)
    {
        if (!_values.TryGetValue(key, out var n))
        {
            return [];
        }

        if (n is not YamlSequenceNode seq)
        {
            _ctx.Error(n, At(key), "expected a list");
            return [];
        }

        return seq.Children.Select((c, i) => (c, $"{At(key)}[{i}]")).ToList();
    }
}
