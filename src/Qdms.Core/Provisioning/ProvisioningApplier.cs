using System.Text.Json.Nodes;
using Qdms.Core.Devices;
using Qdms.Core.Events;

namespace Qdms.Core.Provisioning;

/// <summary>
/// Applies a tenant's rules to a device in contact (the engines call it once per session, after the device's report is
/// recorded): the rules whose events and conditions match queue their tasks for this session, tags and groups are written to
/// the device, and each rule applied leaves a <c>provisioning</c> device event and an applied record.
/// Cheap when nothing matches: the rules come from <see cref="ProvisioningRuleCache"/>, and parameters, applied records and
/// queued tasks are read only when a matching rule needs them (one query each at most).
/// </summary>
public sealed class ProvisioningApplier(
    ProvisioningRuleCache cache,
    IProvisioningRuleStore rules,
    IDeviceStore devices,
    IDeviceParameterStore parameters,
    IDeviceTaskStore tasks,
    IDeviceEventStore events)
{
    public const string EventSource = "provisioning";
    public const string EventType = "provisioning";

    /// <summary>How long a task queued by a rule may wait for the device.</summary>
    public static readonly TimeSpan TaskExpiry = TimeSpan.FromSeconds(TaskService.DefaultExpirySeconds);

    /// <summary>
    /// Whether any of the tenant's enabled rules runs on one of <paramref name="eventCodes"/>: a cached check the engine makes
    /// before it reads the whole device for <see cref="ApplyAsync"/>.
    /// </summary>
    public async ValueTask<bool> AnyRuleRunsOnAsync(long tenantId, IReadOnlyList<string> eventCodes, CancellationToken ct)
    {
        var all = await cache.ForTenantAsync(tenantId, ct);
        for (var i = 0; i < all.Count; i++)
        {
            if (ProvisioningEvaluator.RunsOn(all[i], eventCodes))
            {
                return true;
            }
        }

        return false;
    }

    /// <param name="device">The device as it is now (its address and groups are written back when a rule adds a tag or group).</param>
    /// <param name="eventCodes">The Inform's event codes.</param>
    /// <param name="reported">Parameter values the device reported in this contact (read before the stored ones).</param>
    /// <returns>The rules applied and what each did; empty when none matched or all was in place.</returns>
    public async Task<IReadOnlyList<RulePlan>> ApplyAsync(
        Device device, DeviceFacts facts, IReadOnlyList<string> eventCodes, IReadOnlyDictionary<string, string> reported, DateTimeOffset now, CancellationToken ct)
    {
        var all = await cache.ForTenantAsync(device.TenantId, ct);
        List<ProvisioningRule>? candidates = null;
        for (var i = 0; i < all.Count; i++)
        {
            var rule = all[i];
            if (ProvisioningEvaluator.RunsOn(rule, eventCodes) && ProvisioningEvaluator.FactsHold(rule.When, facts))
            {
                (candidates ??= []).Add(rule);
            }
        }

        if (candidates is null)
        {
            return [];
        }

        var values = await ValuesAsync(device.Id, candidates, reported, ct);
        string? ValueOf(string path) => reported.TryGetValue(path, out var v) ? v : values?.GetValueOrDefault(path);
        candidates.RemoveAll(r => !ProvisioningEvaluator.ParametersHold(r.When, ValueOf));
        if (candidates.Count == 0)
        {
            return [];
        }

        var applied = candidates.Any(r => r.Actions.Any(a => RuleActionTypes.IsOnce(a.Type))) ? await rules.ListAppliedAsync(device.Id, ct) : null;
        var tags = device.Tags;
        string? provisionGroup = device.ProvisionGroup, updateGroup = device.UpdateGroup;
        var plans = new List<RulePlan>();
        IReadOnlyList<DeviceTask>? pending = null;
        foreach (var rule in candidates)
        {
            RuleApplication? last = applied is not null && applied.TryGetValue(rule.Id, out var a) ? a : null;
            var plan = ProvisioningPlanner.Plan(rule, tags, provisionGroup, updateGroup, ValueOf, last, pending);
            if (pending is null && plan.Actions.Any(p => p.Apply && p.TaskKind is not null))
            {
                // something to queue: check once against what is still queued, then plan again with it
                pending = await tasks.ListDueAsync(device.Id, now, ct);
                plan = ProvisioningPlanner.Plan(rule, tags, provisionGroup, updateGroup, ValueOf, last, pending);
            }

            if (!plan.AppliesAnything)
            {
                continue;
            }

            foreach (var p in plan.Actions.Where(p => p.Apply))
            {
                switch (p.Action.Type)
                {
                    case RuleActionTypes.AddTag:
                        tags = [.. tags.Append(p.Action.Tag!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
                        break;
                    case RuleActionTypes.SetGroup:
                        provisionGroup = p.Action.ProvisionGroup ?? provisionGroup;
                        updateGroup = p.Action.UpdateGroup ?? updateGroup;
                        break;
                }
            }

            plans.Add(plan);
        }

        if (plans.Count == 0)
        {
            return [];
        }

        if (!ReferenceEquals(tags, device.Tags) || provisionGroup != device.ProvisionGroup || updateGroup != device.UpdateGroup)
        {
            await devices.UpdateAsync(device with { Tags = tags, ProvisionGroup = provisionGroup, UpdateGroup = updateGroup }, now, ct);
        }

        var recorded = new List<NewDeviceEvent>(plans.Count);
        foreach (var plan in plans)
        {
            var queued = new JsonArray();
            foreach (var p in plan.Actions.Where(p => p.Apply && p.TaskKind is not null))
            {
                var task = await tasks.CreateAsync(
                    new NewDeviceTask(device.Id, device.TenantId, p.TaskKind!, p.TaskArguments, now + TaskExpiry, ProvisioningPlanner.CreatedBy(plan.Rule)), now, ct);
                queued.Add(task.Id);
            }

            await rules.RecordAppliedAsync(plan.Rule.Id, plan.Rule.Revision, device.Id, now, ct);
            var data = new JsonObject
            {
                ["ruleId"] = plan.Rule.Id,
                ["rule"] = plan.Rule.Name,
                ["revision"] = plan.Rule.Revision,
                ["events"] = new JsonArray([.. eventCodes.Select(e => JsonValue.Create(e))]),
                ["actions"] = new JsonArray([.. plan.Actions.Where(p => p.Apply).Select(p => JsonValue.Create(p.Reason))]),
                ["tasks"] = queued,
            };
            recorded.Add(new NewDeviceEvent(device.TenantId, device.Id, EventSource, EventType, EventSeverity.Info, now,
                $"Rule {plan.Rule.Name} (revision {plan.Rule.Revision}): {string.Join("; ", plan.Actions.Where(p => p.Apply).Select(p => p.Reason))}", null, data.ToJsonString()));
        }

        await events.AppendAsync(recorded, ct);
        return plans;
    }

    /// <summary>
    /// The stored values of the parameters the candidates look at that the device did not report in this contact, read in one
    /// query under their longest common prefix; null when none is needed.
    /// </summary>
    private async Task<Dictionary<string, string?>?> ValuesAsync(long deviceId, List<ProvisioningRule> candidates, IReadOnlyDictionary<string, string> reported, CancellationToken ct)
    {
        var needed = candidates
            .SelectMany(r => (r.When.Parameters ?? []).Select(c => c.Path)
                .Concat(r.Actions.Where(a => a.Type == RuleActionTypes.Set).SelectMany(a => a.Values!.Select(v => v.Path))))
            .Where(p => !reported.ContainsKey(p))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (needed.Count == 0)
        {
            return null;
        }

        var prefix = CommonPrefix(needed);
        var stored = await parameters.ListAsync(deviceId, prefix.Length == 0 ? null : prefix, ct);
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var p in stored)
        {
            result[p.Path] = p.Value;
        }

        return result;
    }

    /// <summary>The longest common prefix of the paths that ends at a dot (<c>Device.ManagementServer.</c>), or the path itself for one.</summary>
    public static string CommonPrefix(IReadOnlyList<string> paths)
    {
        if (paths.Count == 1)
        {
            return paths[0];
        }

        var first = paths[0];
        var length = first.Length;
        foreach (var p in paths)
        {
            length = Math.Min(length, first.AsSpan().CommonPrefixLength(p));
        }

        var dot = first.LastIndexOf('.', Math.Max(0, length - 1));
        return length == 0 || dot < 0 ? "" : first[..(dot + 1)];
    }
}
