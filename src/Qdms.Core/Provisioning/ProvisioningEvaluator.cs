namespace Qdms.Core.Provisioning;

/// <summary>
/// Checks a rule's event codes and preconditions against a device. Pure and allocation-free on the hot path (no
/// <c>explain</c> list): the Inform handler runs it for every enabled rule of the tenant.
/// </summary>
public static class ProvisioningEvaluator
{
    /// <summary>True when one of the Inform's event codes is one the rule runs on.</summary>
    public static bool RunsOn(ProvisioningRule rule, IReadOnlyList<string> eventCodes)
    {
        // index loops: no enumerator is allocated per rule per Inform
        var events = rule.Events;
        for (var i = 0; i < eventCodes.Count; i++)
        {
            for (var j = 0; j < events.Count; j++)
            {
                if (string.Equals(events[j], eventCodes[i], StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The conditions on the device's own fields (all but parameter values). With <paramref name="explain"/>, every condition is
    /// checked and reported; without, the first that fails ends the check.
    /// </summary>
    public static bool FactsHold(RuleConditions when, DeviceFacts facts, List<ConditionResult>? explain = null)
    {
        if (explain is null)
        {
            return Text("oui", when.Oui, facts.Oui, null)
                && Text("productClass", when.ProductClass, facts.ProductClass, null)
                && Text("manufacturer", when.Manufacturer, facts.Manufacturer, null)
                && Text("model", when.Model, facts.Model, null)
                && Text("softwareVersion", when.SoftwareVersion, facts.SoftwareVersion, null)
                && Text("provisionGroup", when.ProvisionGroup, facts.ProvisionGroup, null)
                && Text("updateGroup", when.UpdateGroup, facts.UpdateGroup, null)
                && (when.Tag is null || Contains(facts.Tags, when.Tag));
        }

        var holds = Text("oui", when.Oui, facts.Oui, explain);
        holds &= Text("productClass", when.ProductClass, facts.ProductClass, explain);
        holds &= Text("manufacturer", when.Manufacturer, facts.Manufacturer, explain);
        holds &= Text("model", when.Model, facts.Model, explain);
        holds &= Text("softwareVersion", when.SoftwareVersion, facts.SoftwareVersion, explain);
        holds &= Text("provisionGroup", when.ProvisionGroup, facts.ProvisionGroup, explain);
        holds &= Text("updateGroup", when.UpdateGroup, facts.UpdateGroup, explain);
        if (when.Tag is { } tag)
        {
            var has = Contains(facts.Tags, tag);
            explain.Add(new ConditionResult($"tag = {tag}", has, string.Join(",", facts.Tags)));
            holds &= has;
        }

        return holds;
    }

    private static bool Contains(IReadOnlyList<string> tags, string tag)
    {
        for (var i = 0; i < tags.Count; i++)
        {
            if (string.Equals(tags[i], tag, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The conditions on parameter values; <paramref name="valueOf"/> gives a parameter's value, null when not reported.</summary>
    public static bool ParametersHold(RuleConditions when, Func<string, string?> valueOf, List<ConditionResult>? explain = null)
    {
        if (when.Parameters is not { } conditions)
        {
            return true;
        }

        var holds = true;
        foreach (var c in conditions)
        {
            var actual = valueOf(c.Path);
            var ok = c.Op switch
            {
                ParameterOps.Equal => actual is not null && string.Equals(actual, c.Value, StringComparison.Ordinal),
                ParameterOps.NotEqual => actual is null || !string.Equals(actual, c.Value, StringComparison.Ordinal),
                ParameterOps.Prefix => actual is not null && actual.StartsWith(c.Value, StringComparison.Ordinal),
                _ => false,
            };
            explain?.Add(new ConditionResult($"{c.Path} {c.Op} {c.Value}", ok, actual));
            holds &= ok;
            if (!holds && explain is null)
            {
                return false;
            }
        }

        return holds;
    }

    /// <summary>Whether a device already reports <paramref name="value"/> (booleans compared as TR-069 reads them: 1/true, 0/false).</summary>
    public static bool SameValue(RuleSetValue value, string? reported)
    {
        if (reported is null)
        {
            return false;
        }

        if (string.Equals(value.Value, reported, StringComparison.Ordinal))
        {
            return true;
        }

        return Bool(value.Value) is { } a && Bool(reported) is { } b && a == b && value.Type is null or "boolean";
    }

    private static bool? Bool(string text) => text switch
    {
        "1" or "true" or "True" or "TRUE" => true,
        "0" or "false" or "False" or "FALSE" => false,
        _ => null,
    };

    private static bool Text(string name, string? pattern, string? actual, List<ConditionResult>? explain)
    {
        if (pattern is null)
        {
            return true;
        }

        var ok = Glob.Matches(pattern, actual);
        explain?.Add(new ConditionResult($"{name} {(Glob.IsPattern(pattern) ? "matches" : "=")} {pattern}", ok, actual));
        return ok;
    }
}
