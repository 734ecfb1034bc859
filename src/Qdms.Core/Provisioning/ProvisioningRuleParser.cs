using System.Globalization;
using System.Text.Json;
using Qdms.Core.Devices;
using Qdms.Core.Errors;

namespace Qdms.Core.Provisioning;

/// <summary>
/// Reads a rule from its JSON (the shape in docs/provisioning.md) and checks every rule of its shape; each failure is a
/// <see cref="ValidationException"/> naming the field (<c>actions[1].values.Device.X</c>). Unknown members are refused, so a
/// misspelt condition never silently matches every device.
/// </summary>
public static class ProvisioningRuleParser
{
    public const int MaxActions = 50;
    public const int MaxValuesPerSet = 200;
    public const int MaxParameterConditions = 32;
    public const int MaxPathLength = 256;
    public const int MaxValueLength = 4096;
    public const int DefaultPriority = 100;

    private static readonly string[] TopMembers = ["name", "description", "enabled", "priority", "events", "when", "actions"];
    private static readonly string[] WhenMembers = ["oui", "productClass", "manufacturer", "model", "softwareVersion", "provisionGroup", "updateGroup", "tag", "parameters"];
    private static readonly string[] ValueTypes = ["string", "int", "unsignedInt", "boolean", "dateTime", "base64", "hexBinary", "long", "unsignedLong"];

    public static ProvisioningRuleSpec Parse(JsonElement rule)
    {
        if (rule.ValueKind != JsonValueKind.Object)
        {
            throw new ValidationException("rule", "a rule is a JSON object.");
        }

        Only(rule, "", TopMembers);
        var name = DeviceRules.Name(Text(rule, "name", "name"), "name");
        var description = DeviceRules.Text(Text(rule, "description", "description"), "description", 1000);
        var enabled = !rule.TryGetProperty("enabled", out var e) || e.ValueKind switch
        {
            JsonValueKind.Null => true,
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ValidationException("enabled", "enabled must be true or false."),
        };
        var priority = DefaultPriority;
        if (rule.TryGetProperty("priority", out var p) && p.ValueKind != JsonValueKind.Null && (p.ValueKind != JsonValueKind.Number || !p.TryGetInt32(out priority) || priority is < 0 or > 1_000_000))
        {
            throw new ValidationException("priority", "priority must be a whole number from 0 to 1000000 (lower runs first).");
        }

        return new ProvisioningRuleSpec(name, description, enabled, priority, Events(rule), When(rule), Actions(rule));
    }

    private static List<string> Events(JsonElement rule)
    {
        if (!rule.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array || events.GetArrayLength() == 0)
        {
            throw new ValidationException("events", $"events must be a non-empty array of Inform event codes, e.g. [\"{ProvisioningEvents.Bootstrap}\", \"{ProvisioningEvents.Boot}\"].");
        }

        var result = new List<string>();
        var i = 0;
        foreach (var item in events.EnumerateArray())
        {
            var code = item.ValueKind == JsonValueKind.String ? ProvisioningEvents.Canonical(item.GetString()) : null;
            if (code is null)
            {
                throw new ValidationException($"events[{i}]",
                    $"'{(item.ValueKind == JsonValueKind.String ? item.GetString() : item.GetRawText())}' is not an Inform event code; the codes are {string.Join(", ", ProvisioningEvents.Known)} and 'M <method>'.");
            }

            if (!result.Contains(code))
            {
                result.Add(code);
            }

            i++;
        }

        return result;
    }

    private static RuleConditions When(JsonElement rule)
    {
        if (!rule.TryGetProperty("when", out var when) || when.ValueKind == JsonValueKind.Null)
        {
            return RuleConditions.None;
        }

        if (when.ValueKind != JsonValueKind.Object)
        {
            throw new ValidationException("when", "when must be an object of conditions.");
        }

        Only(when, "when.", WhenMembers);
        string? Condition(string member) => DeviceRules.Text(Text(when, member, "when." + member), "when." + member, MaxValueLength);
        var tag = Condition("tag");
        if (tag is not null)
        {
            tag = DeviceRules.Tags([tag], "when.tag")[0];
        }

        List<ParameterCondition>? parameters = null;
        if (when.TryGetProperty("parameters", out var list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() > MaxParameterConditions)
            {
                throw new ValidationException("when.parameters", $"when.parameters must be an array of at most {MaxParameterConditions} {{\"path\", \"op\", \"value\"}} objects.");
            }

            parameters = [];
            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                var field = $"when.parameters[{i++}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw new ValidationException(field, $"{field} must be an object {{\"path\", \"op\", \"value\"}}.");
                }

                Only(item, field + ".", ["path", "op", "value"]);
                var path = ParameterPath(Text(item, "path", field + ".path"), field + ".path");
                var op = Text(item, "op", field + ".op") ?? ParameterOps.Equal;
                if (!ParameterOps.All.Contains(op))
                {
                    throw new ValidationException(field + ".op", $"'{op}' is not an operator; use one of {string.Join(", ", ParameterOps.All)}.");
                }

                parameters.Add(new ParameterCondition(path, op, Scalar(item, "value", field + ".value") ?? ""));
            }
        }

        return new RuleConditions(Condition("oui"), Condition("productClass"), Condition("manufacturer"), Condition("model"), Condition("softwareVersion"),
            Condition("provisionGroup"), Condition("updateGroup"), tag, parameters is { Count: > 0 } ? parameters : null);
    }

    private static List<RuleAction> Actions(JsonElement rule)
    {
        if (!rule.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array || actions.GetArrayLength() == 0)
        {
            throw new ValidationException("actions", $"actions must be a non-empty array; the action types are {string.Join(", ", RuleActionTypes.All)}.");
        }

        if (actions.GetArrayLength() > MaxActions)
        {
            throw new ValidationException("actions", $"a rule has at most {MaxActions} actions; got {actions.GetArrayLength()}.");
        }

        var result = new List<RuleAction>();
        var i = 0;
        foreach (var item in actions.EnumerateArray())
        {
            result.Add(Action(item, $"actions[{i++}]"));
        }

        return result;
    }

    private static RuleAction Action(JsonElement a, string field)
    {
        if (a.ValueKind != JsonValueKind.Object)
        {
            throw new ValidationException(field, $"{field} must be an object with a \"type\".");
        }

        var type = Text(a, "type", field + ".type");
        switch (type)
        {
            case RuleActionTypes.Set:
                Only(a, field + ".", ["type", "values"]);
                return new RuleAction(type, Values: Values(a, field + ".values"));
            case RuleActionTypes.Refresh:
                Only(a, field + ".", ["type", "path"]);
                return new RuleAction(type, Path: PartialPath(Text(a, "path", field + ".path"), field + ".path"));
            case RuleActionTypes.AddTag:
                Only(a, field + ".", ["type", "tag"]);
                return new RuleAction(type, Tag: DeviceRules.Tags([Text(a, "tag", field + ".tag") ?? ""], field + ".tag")[0]);
            case RuleActionTypes.SetGroup:
                Only(a, field + ".", ["type", "provisionGroup", "updateGroup"]);
                var provision = DeviceRules.Text(Text(a, "provisionGroup", field + ".provisionGroup"), field + ".provisionGroup");
                var update = DeviceRules.Text(Text(a, "updateGroup", field + ".updateGroup"), field + ".updateGroup");
                return provision is null && update is null
                    ? throw new ValidationException(field, $"{field} (setGroup) needs a non-empty provisionGroup or updateGroup.")
                    : new RuleAction(type, ProvisionGroup: provision, UpdateGroup: update);
            case RuleActionTypes.Download:
                Only(a, field + ".", ["type", "fileId", "fileType"]);
                if (!a.TryGetProperty("fileId", out var f) || f.ValueKind != JsonValueKind.Number || !f.TryGetInt64(out var fileId) || fileId <= 0)
                {
                    throw new ValidationException(field + ".fileId", $"{field}.fileId must be the id of a registered file.");
                }

                var fileType = DeviceRules.Text(Text(a, "fileType", field + ".fileType"), field + ".fileType", 64);
                if (fileType is not null && !FileTypePattern(fileType))
                {
                    throw new ValidationException(field + ".fileType", $"'{fileType}' is not a TR-069 FileType (\"1 Firmware Upgrade Image\", \"3 Vendor Configuration File\", \"X <OUI> <name>\" …).");
                }

                return new RuleAction(type, FileId: fileId, FileType: fileType);
            case RuleActionTypes.Reboot:
                Only(a, field + ".", ["type"]);
                return new RuleAction(type);
            default:
                throw new ValidationException(field + ".type", $"'{type}' is not an action type; the types are {string.Join(", ", RuleActionTypes.All)}.");
        }
    }

    private static List<RuleSetValue> Values(JsonElement a, string field)
    {
        if (!a.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            throw new ValidationException(field, $"{field} must be an object of parameter path → value.");
        }

        var result = new List<RuleSetValue>();
        foreach (var property in values.EnumerateObject())
        {
            var name = $"{field}.{property.Name}";
            var path = ParameterPath(property.Name, name);
            var value = property.Value;
            string? type = null;
            if (value.ValueKind == JsonValueKind.Object)
            {
                Only(value, name + ".", ["value", "type"]);
                type = Text(value, "type", name + ".type");
                if (type is not null && !ValueTypes.Contains(type))
                {
                    throw new ValidationException(name + ".type", $"'{type}' is not a value type; use one of {string.Join(", ", ValueTypes)}.");
                }

                if (!value.TryGetProperty("value", out value))
                {
                    throw new ValidationException(name, $"{name} needs a \"value\".");
                }
            }

            var (text, kindType) = value.ValueKind switch
            {
                JsonValueKind.String => (value.GetString()!, (string?)null),
                JsonValueKind.True => ("true", "boolean"),
                JsonValueKind.False => ("false", "boolean"),
                JsonValueKind.Number when value.TryGetInt64(out var n) => (n.ToString(CultureInfo.InvariantCulture), n < 0 ? "int" : "unsignedInt"),
                _ => throw new ValidationException(name, $"{name} must be a string, a whole number or a boolean."),
            };
            if (text.Length > MaxValueLength)
            {
                throw new ValidationException(name, $"{name} must be at most {MaxValueLength} characters.");
            }

            if (result.Any(r => r.Path == path))
            {
                throw new ValidationException(name, $"{path} is set twice.");
            }

            result.Add(new RuleSetValue(path, text, type ?? kindType));
        }

        return result.Count is 0 or > MaxValuesPerSet
            ? throw new ValidationException(field, $"{field} must hold 1 to {MaxValuesPerSet} values; got {result.Count}.")
            : result;
    }

    /// <summary>A full parameter name: dot-separated segments of letters, digits, '_' and '-', not ending in a dot.</summary>
    public static string ParameterPath(string? path, string field)
    {
        if (path is null || !IsPath(path) || path.EndsWith('.'))
        {
            throw new ValidationException(field, $"'{path}' is not a parameter name (dot-separated names like Device.ManagementServer.PeriodicInformInterval, at most {MaxPathLength} characters, no trailing dot).");
        }

        return path;
    }

    /// <summary>A partial path (ends with a dot, e.g. <c>Device.WiFi.</c>) or a full parameter name.</summary>
    public static string PartialPath(string? path, string field) =>
        path is null || !IsPath(path)
            ? throw new ValidationException(field, $"'{path}' is not a parameter path (dot-separated names like Device.WiFi., at most {MaxPathLength} characters).")
            : path;

    private static bool IsPath(string path)
    {
        if (path.Length is 0 or > MaxPathLength)
        {
            return false;
        }

        var body = path.EndsWith('.') ? path[..^1] : path;
        if (body.Length == 0 || !char.IsAsciiLetter(body[0]))
        {
            return false;
        }

        foreach (var segment in body.Split('.'))
        {
            if (segment.Length == 0 || !segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool FileTypePattern(string fileType) =>
        fileType.Length > 2 && (char.IsAsciiDigit(fileType[0]) || fileType.StartsWith("X ", StringComparison.Ordinal)) && fileType.Contains(' ');

    /// <summary>Refuses members not in <paramref name="members"/>; null members count as absent (clients write them).</summary>
    private static void Only(JsonElement obj, string prefix, string[] members)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Null && !members.Contains(property.Name, StringComparer.Ordinal))
            {
                throw new ValidationException(prefix + property.Name, $"'{prefix}{property.Name}' is not a member here; the members are {string.Join(", ", members)}.");
            }
        }
    }

    private static string? Text(JsonElement obj, string member, string field) =>
        !obj.TryGetProperty(member, out var v) || v.ValueKind == JsonValueKind.Null ? null
        : v.ValueKind == JsonValueKind.String ? v.GetString()
        : throw new ValidationException(field, $"{field} must be a string.");

    private static string? Scalar(JsonElement obj, string member, string field) =>
        !obj.TryGetProperty(member, out var v) || v.ValueKind == JsonValueKind.Null ? null
        : v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            _ => throw new ValidationException(field, $"{field} must be a string, number or boolean."),
        };
}
