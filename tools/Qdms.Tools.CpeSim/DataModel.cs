using System.Globalization;

namespace Qdms.Tools.CpeSim;

/// <summary>
/// A simulated CPE's data model: parameters by full name in ordinal order, and the <c>{i}</c> templates that AddObject copies.
/// Loaded from a <c>.model</c> file (one <c>path|type|rw|value</c> a line, see Models/tr181-gateway.model). Not thread-safe:
/// one CPE runs one session at a time.
/// </summary>
public sealed class DataModel
{
    public const string InstanceMark = "{i}";

    private readonly SortedDictionary<string, ModelParameter> _parameters = new(StringComparer.Ordinal);
    private readonly List<ModelParameter> _templates = [];

    /// <summary>How many parameters the model holds (templates not counted).</summary>
    public int Count => _parameters.Count;

    /// <summary>Reads a model file; <c>{serial}</c> in values becomes <paramref name="serial"/>.</summary>
    public static DataModel Load(string path, string serial) => Parse(File.ReadLines(path), serial);

    /// <summary>Reads model lines; throws <see cref="FormatException"/> naming the line that is not <c>path|type|rw|value</c>.</summary>
    public static DataModel Parse(IEnumerable<string> lines, string serial)
    {
        var model = new DataModel();
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('|', 4);
            if (fields.Length != 4 || fields[0].Length == 0 || fields[2] is not ("rw" or "ro"))
            {
                throw new FormatException($"model line {number}: expected 'path|type|rw or ro|value', got '{line}'");
            }

            var parameter = new ModelParameter(fields[0], fields[1], fields[2] == "rw", fields[3].Replace("{serial}", serial, StringComparison.Ordinal));
            if (parameter.Name.Contains(InstanceMark, StringComparison.Ordinal))
            {
                model._templates.Add(parameter);
            }
            else
            {
                model._parameters[parameter.Name] = parameter;
            }
        }

        return model;
    }

    /// <summary>A deep copy (the factory state a FactoryReset returns to).</summary>
    public DataModel Clone()
    {
        var copy = new DataModel();
        foreach (var p in _parameters.Values)
        {
            copy._parameters[p.Name] = p.Copy();
        }

        copy._templates.AddRange(_templates.Select(t => t.Copy()));
        return copy;
    }

    public ModelParameter? Find(string name) => _parameters.GetValueOrDefault(name);

    public string? ValueOf(string name) => Find(name)?.Value;

    /// <summary>
    /// The parameters a GetParameterValues name selects: the one parameter, every parameter under a partial path (ending in '.'),
    /// or all for an empty name. Empty when the name matches nothing.
    /// </summary>
    public IReadOnlyList<ModelParameter> Select(string name)
    {
        if (name.Length == 0)
        {
            return [.. _parameters.Values];
        }

        if (!name.EndsWith('.'))
        {
            return Find(name) is { } one ? [one] : [];
        }

        return [.. _parameters.Values.Where(p => p.Name.StartsWith(name, StringComparison.Ordinal))];
    }

    /// <summary>
    /// GetParameterNames (TR-069 Annex A.3.2.3): with <paramref name="nextLevel"/>, the parameters and objects right below
    /// <paramref name="path"/>; without, the path itself and everything below. Null when the path names nothing.
    /// </summary>
    public IReadOnlyList<(string Name, bool Writable)>? Names(string path, bool nextLevel)
    {
        if (path.Length > 0 && !path.EndsWith('.'))
        {
            return Find(path) is { } one && !nextLevel ? [(one.Name, one.Writable)] : null;
        }

        var below = Select(path);
        if (below.Count == 0)
        {
            return null;
        }

        var result = new List<(string, bool)>();
        var objects = new HashSet<string>(StringComparer.Ordinal);
        if (!nextLevel && path.Length > 0)
        {
            result.Add((path, false));
        }

        foreach (var p in below)
        {
            var rest = p.Name.AsSpan(path.Length);
            var dot = rest.IndexOf('.');
            if (nextLevel)
            {
                if (dot < 0)
                {
                    result.Add((p.Name, p.Writable));
                }
                else if (objects.Add(path + rest[..(dot + 1)].ToString()))
                {
                    result.Add((path + rest[..(dot + 1)].ToString(), false));
                }

                continue;
            }

            var start = 0;
            for (var i = rest.IndexOf('.'); i >= 0; i = rest[start..].IndexOf('.'))
            {
                start += i + 1;
                var obj = path + rest[..start].ToString();
                if (objects.Add(obj))
                {
                    result.Add((obj, false));
                }
            }

            result.Add((p.Name, p.Writable));
        }

        return result;
    }

    /// <summary>
    /// AddObject (TR-069 Annex A.3.2.6): a new instance of the multi-instance object <paramref name="objectPath"/> (ending in '.')
    /// made from its templates, numbered one above the highest; null when the model has no template for it.
    /// </summary>
    public uint? AddObject(string objectPath)
    {
        if (!objectPath.EndsWith('.'))
        {
            return null;
        }

        var templatePrefix = TemplateOf(objectPath) + InstanceMark + ".";
        var templates = _templates.Where(t => t.Name.StartsWith(templatePrefix, StringComparison.Ordinal)
            && !t.Name.AsSpan(templatePrefix.Length).Contains(InstanceMark, StringComparison.Ordinal)).ToList();
        if (templates.Count == 0)
        {
            return null;
        }

        uint highest = 0;
        foreach (var name in _parameters.Keys.Where(k => k.StartsWith(objectPath, StringComparison.Ordinal)))
        {
            var rest = name.AsSpan(objectPath.Length);
            var dot = rest.IndexOf('.');
            if (dot > 0 && uint.TryParse(rest[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                highest = Math.Max(highest, n);
            }
        }

        var instance = highest + 1;
        var prefix = objectPath + instance.ToString(CultureInfo.InvariantCulture) + ".";
        foreach (var t in templates)
        {
            var copy = t.Copy(prefix + t.Name[templatePrefix.Length..]);
            _parameters[copy.Name] = copy;
        }

        return instance;
    }

    /// <summary>DeleteObject (TR-069 Annex A.3.2.7): removes an instance (<c>…SSID.2.</c>) and everything below it; false when there is none.</summary>
    public bool DeleteObject(string objectPath)
    {
        if (!objectPath.EndsWith('.'))
        {
            return false;
        }

        var segments = objectPath.TrimEnd('.').Split('.');
        if (!uint.TryParse(segments[^1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return false;
        }

        var doomed = _parameters.Keys.Where(k => k.StartsWith(objectPath, StringComparison.Ordinal)).ToList();
        foreach (var name in doomed)
        {
            _parameters.Remove(name);
        }

        return doomed.Count > 0;
    }

    /// <summary>True when <paramref name="value"/> is a valid text for <paramref name="type"/> (fault 9007 otherwise).</summary>
    public static bool IsValid(string type, string value) => type switch
    {
        "unsignedInt" => uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _),
        "int" => int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        "boolean" => value is "true" or "false" or "1" or "0",
        "dateTime" => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
        _ => true,
    };

    private static string TemplateOf(string objectPath)
    {
        var segments = objectPath.TrimEnd('.').Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Length > 0 && segments[i].All(char.IsAsciiDigit))
            {
                segments[i] = InstanceMark;
            }
        }

        return string.Join('.', segments) + ".";
    }
}
