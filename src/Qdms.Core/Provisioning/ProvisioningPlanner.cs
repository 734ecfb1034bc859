using System.Globalization;
using System.Text.Json.Nodes;
using Qdms.Core.Devices;

namespace Qdms.Core.Provisioning;

/// <summary>
/// Decides, for a rule whose conditions hold, which of its actions apply now — the idempotency rules of docs/provisioning.md:
/// a set queues only the values the device does not report; a tag or group the device has is skipped; a download or reboot
/// runs once per rule revision per device; a task identical to one still queued by the same rule is not queued again.
/// </summary>
public static class ProvisioningPlanner
{
    /// <summary>The creator of tasks a rule queues: <c>provisioning:&lt;rule name&gt;</c>.</summary>
    public static string CreatedBy(ProvisioningRule rule) => "provisioning:" + rule.Name;

    /// <param name="valueOf">The value the device reports for a parameter, null when it does not.</param>
    /// <param name="applied">The revision of this rule last applied to the device, if any.</param>
    /// <param name="pending">The device's queued tasks, when known (null: not checked).</param>
    public static RulePlan Plan(
        ProvisioningRule rule, IReadOnlyList<string> tags, string? provisionGroup, string? updateGroup,
        Func<string, string?> valueOf, RuleApplication? applied, IReadOnlyList<DeviceTask>? pending)
    {
        var plans = new List<ActionPlan>(rule.Actions.Count);
        foreach (var action in rule.Actions)
        {
            var plan = action.Type switch
            {
                RuleActionTypes.Set => Set(action, valueOf),
                RuleActionTypes.Refresh => Task(action, TaskKinds.Refresh, new JsonObject { ["path"] = action.Path }.ToJsonString(), $"refreshes {action.Path}"),
                RuleActionTypes.AddTag => tags.Contains(action.Tag!, StringComparer.Ordinal)
                    ? new ActionPlan(action, false, $"the device already has tag {action.Tag}")
                    : new ActionPlan(action, true, $"adds tag {action.Tag}"),
                RuleActionTypes.SetGroup => (action.ProvisionGroup is null || action.ProvisionGroup == provisionGroup) && (action.UpdateGroup is null || action.UpdateGroup == updateGroup)
                    ? new ActionPlan(action, false, "the device is in the group(s) already")
                    : new ActionPlan(action, true, action.Describe()),
                RuleActionTypes.Download => Once(action, rule, applied) ?? Task(action, TaskKinds.Download, DownloadArguments(action), $"downloads file {action.FileId}"),
                RuleActionTypes.Reboot => Once(action, rule, applied) ?? Task(action, TaskKinds.Reboot, null, "reboots the device"),
                _ => new ActionPlan(action, false, $"unknown action type {action.Type}"),
            };
            if (plan.Apply && plan.TaskKind is { } kind && pending is not null
                && pending.Any(t => t.Kind == kind && t.Arguments == plan.TaskArguments && t.CreatedBy == CreatedBy(rule)))
            {
                plan = plan with { Apply = false, Reason = $"an identical {kind} task of this rule is still queued" };
            }

            plans.Add(plan);
        }

        return new RulePlan(rule, plans);
    }

    private static ActionPlan Set(RuleAction action, Func<string, string?> valueOf)
    {
        var missing = action.Values!.Where(v => !ProvisioningEvaluator.SameValue(v, valueOf(v.Path))).ToList();
        if (missing.Count == 0)
        {
            return new ActionPlan(action, false, "the device reports every value already");
        }

        var values = new JsonObject();
        foreach (var v in missing)
        {
            values[v.Path] = v.Type is null ? JsonValue.Create(v.Value) : new JsonObject { ["value"] = v.Value, ["type"] = v.Type };
        }

        var reason = $"sets {string.Join(", ", missing.Select(v => $"{v.Path}={v.Value} (reported: {valueOf(v.Path) ?? "nothing"})"))}";
        return new ActionPlan(action, true, reason, missing, TaskKinds.Set, new JsonObject { ["values"] = values }.ToJsonString());
    }

    private static ActionPlan Task(RuleAction action, string kind, string? arguments, string reason) => new(action, true, reason, null, kind, arguments);

    private static ActionPlan? Once(RuleAction action, ProvisioningRule rule, RuleApplication? applied) =>
        applied is { } a && a.Revision >= rule.Revision
            ? new ActionPlan(action, false, $"revision {a.Revision} of this rule was applied at {a.AppliedAt.ToString("O", CultureInfo.InvariantCulture)} (runs once per revision)")
            : null;

    private static string DownloadArguments(RuleAction action)
    {
        var args = new JsonObject { ["fileId"] = action.FileId };
        if (action.FileType is not null)
        {
            args["fileType"] = action.FileType;
        }

        return args.ToJsonString();
    }
}
