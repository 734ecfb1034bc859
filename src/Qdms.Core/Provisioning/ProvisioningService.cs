using System.Text.Json;
using Qdms.Core.Audit;
using Qdms.Core.Devices;
using Qdms.Core.Errors;
using Qdms.Core.Files;
using Qdms.Core.Security;
using Qdms.Core.Tenants;

namespace Qdms.Core.Provisioning;

/// <summary>
/// Provisioning rules for people: viewers read and preview, operators write (audited). A sysop names the tenant of a new
/// rule with <c>tenantId</c> (default: the default tenant). Every change invalidates the rule cache the engines read.
/// </summary>
public sealed class ProvisioningService(
    IProvisioningRuleStore rules,
    IDeviceStore devices,
    IDeviceParameterStore parameters,
    IDeviceTaskStore tasks,
    IFileStore files,
    ITenantStore tenants,
    ProvisioningRuleCache cache,
    DefaultTenant defaultTenant,
    AuditLog audit,
    TimeProvider time)
{
    public async Task<IReadOnlyList<ProvisioningRule>> ListAsync(Caller caller, CancellationToken ct)
    {
        caller.Require(Role.Viewer);
        return await rules.ListAsync(caller.Scope, ct);
    }

    public async Task<ProvisioningRule> GetAsync(Caller caller, long id, CancellationToken ct)
    {
        caller.Require(Role.Viewer);
        return await rules.GetAsync(id, caller.Scope, ct) ?? throw NotFoundException.For("provisioning rule", id);
    }

    public async Task<ProvisioningRule> CreateAsync(Caller caller, JsonElement body, long? tenantId, CancellationToken ct)
    {
        caller.Require(Role.Operator);
        var spec = ProvisioningRuleParser.Parse(body);
        var tenant = caller.TenantForNew(tenantId, defaultTenant.Id);
        if (await tenants.GetAsync(tenant, ct) is null)
        {
            throw new ValidationException("tenantId", $"Tenant {tenant} does not exist.");
        }

        await CheckFilesAsync(spec, tenant, ct);
        var rule = await rules.CreateAsync(tenant, spec, time.GetUtcNow(), caller.Username, ct);
        cache.Invalidate();
        await audit.RecordAsync(caller, "provisioning.rule.create", $"provisioning-rule/{rule.Id}", tenant, Describe(rule), ct);
        return rule;
    }

    public async Task<ProvisioningRule> UpdateAsync(Caller caller, long id, JsonElement body, CancellationToken ct)
    {
        caller.Require(Role.Operator);
        var spec = ProvisioningRuleParser.Parse(body);
        var existing = await rules.GetAsync(id, caller.Scope, ct) ?? throw NotFoundException.For("provisioning rule", id);
        await CheckFilesAsync(spec, existing.TenantId, ct);
        var rule = await rules.UpdateAsync(id, caller.Scope, spec, time.GetUtcNow(), caller.Username, ct) ?? throw NotFoundException.For("provisioning rule", id);
        cache.Invalidate();
        await audit.RecordAsync(caller, "provisioning.rule.update", $"provisioning-rule/{rule.Id}", rule.TenantId, $"revision {rule.Revision}: {Describe(rule)}", ct);
        return rule;
    }

    public async Task DeleteAsync(Caller caller, long id, CancellationToken ct)
    {
        caller.Require(Role.Operator);
        var rule = await rules.GetAsync(id, caller.Scope, ct) ?? throw NotFoundException.For("provisioning rule", id);
        if (!await rules.DeleteAsync(id, caller.Scope, ct))
        {
            throw NotFoundException.For("provisioning rule", id);
        }

        cache.Invalidate();
        await audit.RecordAsync(caller, "provisioning.rule.delete", $"provisioning-rule/{id}", rule.TenantId, rule.Name, ct);
    }

    /// <summary>
    /// What the rule would do to the device now (<paramref name="eventCode"/>: as if the device sent that event; null: any the
    /// rule runs on). Reads the device's stored parameters, queued tasks and applied records; changes nothing.
    /// </summary>
    public async Task<ProvisioningPreview> PreviewAsync(Caller caller, long id, long deviceId, string? eventCode, CancellationToken ct)
    {
        caller.Require(Role.Viewer);
        var rule = await rules.GetAsync(id, caller.Scope, ct) ?? throw NotFoundException.For("provisioning rule", id);
        string? code = null;
        if (eventCode is not null)
        {
            code = ProvisioningEvents.Canonical(eventCode)
                ?? throw new ValidationException("event", $"'{eventCode}' is not an Inform event code; the codes are {string.Join(", ", ProvisioningEvents.Known)} and 'M <method>'.");
        }

        var device = await devices.GetAsync(deviceId, TenantScope.Of(rule.TenantId), ct);
        if (device is null || !caller.Scope.Allows(device.TenantId))
        {
            throw NotFoundException.For("device", deviceId);
        }

        var runs = code is null || ProvisioningEvaluator.RunsOn(rule, [code]);
        var stored = (await parameters.ListAsync(device.Id, null, ct)).ToDictionary(p => p.Path, p => p.Value, StringComparer.Ordinal);
        string? ValueOf(string path) => stored.GetValueOrDefault(path);
        var conditions = new List<ConditionResult>();
        var holds = ProvisioningEvaluator.FactsHold(rule.When, DeviceFacts.Of(device), conditions);
        holds &= ProvisioningEvaluator.ParametersHold(rule.When, ValueOf, conditions);
        var applied = await rules.ListAppliedAsync(device.Id, ct);
        var pending = await tasks.ListDueAsync(device.Id, time.GetUtcNow(), ct);
        var plan = ProvisioningPlanner.Plan(rule, device.Tags, device.ProvisionGroup, device.UpdateGroup, ValueOf,
            applied.TryGetValue(rule.Id, out var a) ? a : null, pending);
        return new ProvisioningPreview(rule, device.Id, code, runs, holds, runs && holds && rule.Enabled && plan.AppliesAnything, conditions, plan.Actions);
    }

    /// <summary>A download names a registered file of the rule's tenant; another tenant's file is as unknown as a missing one.</summary>
    private async Task CheckFilesAsync(ProvisioningRuleSpec spec, long tenant, CancellationToken ct)
    {
        for (var i = 0; i < spec.Actions.Count; i++)
        {
            if (spec.Actions[i] is { Type: RuleActionTypes.Download, FileId: { } fileId }
                && await files.GetAsync(fileId, TenantScope.Of(tenant), ct) is null)
            {
                throw new UnprocessableException($"actions[{i}].fileId: there is no registered file {fileId} in tenant {tenant}.");
            }
        }
    }

    private static string Describe(ProvisioningRule rule) =>
        $"{rule.Name} on {string.Join(", ", rule.Events)}: {string.Join("; ", rule.Actions.Select(a => a.Describe()))}";
}
