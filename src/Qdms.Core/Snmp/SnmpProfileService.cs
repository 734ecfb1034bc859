using Qdms.Core.Audit;
using Qdms.Core.Devices;
using Qdms.Core.Errors;
using Qdms.Core.Security;
using Qdms.Core.Tenants;

namespace Qdms.Core.Snmp;

/// <summary>
/// Polling profiles and their assignments for people: viewers read, operators write. Built-in profiles are listed for every
/// tenant and cannot be changed. A sysop names the tenant of a profile with <c>tenantId</c> (default: the default tenant).
/// </summary>
public sealed class SnmpProfileService(
    ISnmpProfileStore profiles,
    IDeviceStore devices,
    ITenantStore tenants,
    DefaultTenant defaultTenant,
    SnmpInventorySignal signal,
    AuditLog audit,
    TimeProvider time)
{
    /// <summary>The built-in profiles, then the caller's tenant's own (a sysop's: every tenant's).</summary>
    public async Task<IReadOnlyList<SnmpProfile>> ListAsync(Caller caller, CancellationToken ct)
    {
        caller.Require(Role.Viewer);
        return [.. SnmpBuiltInProfiles.All, .. await profiles.ListAsync(caller.Scope, ct)];
    }

    public async Task<SnmpProfile> GetAsync(Caller caller, string name, long? tenantId, CancellationToken ct)
    {
        caller.Require(Role.Viewer);
        return SnmpBuiltInProfiles.Find(name)
            ?? await profiles.GetAsync(TenantOf(caller, tenantId), name, ct)
            ?? throw NotFoundException.For("SNMP profile", name);
    }

    public async Task<SnmpProfile> CreateAsync(Caller caller, SnmpProfile profile, long? tenantId, CancellationToken ct)
    {
        caller.Require(Role.Operator);
        var tenant = await ExistingTenantAsync(caller, tenantId, ct);
        var clean = SnmpRules.Profile(profile) with { TenantId = tenant };
        await profiles.CreateAsync(clean, time.GetUtcNow(), ct);
        await audit.RecordAsync(caller, "snmp.profile.create", $"snmp-profile/{clean.Name}", tenant, $"{clean.Scalars.Count} scalars, {clean.Tables.Count} tables every {clean.IntervalSeconds}s", ct);
        signal.Notify();
        return clean;
    }

    public async Task<SnmpProfile> UpdateAsync(Caller caller, string name, SnmpProfile profile, long? tenantId, CancellationToken ct)
    {
        caller.Require(Role.Operator);
        if (SnmpBuiltInProfiles.Find(name) is not null)
        {
            throw new UnprocessableException($"'{name}' is a built-in profile and cannot be changed; copy it under another name.");
        }

        var tenant = TenantOf(caller, tenantId);
        var clean = SnmpRules.Profile(profile with { Name = name }) with { TenantId = tenant };
        if (!await profiles.UpdateAsync(clean, time.GetUtcNow(), ct))
        {
            throw NotFoundException.For("SNMP profile", name);
        }

        await audit.RecordAsync(caller, "snmp.profile.update", $"snmp-profile/{name}", tenant, $"{clean.Scalars.Count} scalars, {clean.Tables.Count} tables every {clean.IntervalSeconds}s", ct);
        signal.Notify();
        return clean;
    }

    public async Task DeleteAsync(Caller caller, string name, long? tenantId, CancellationToken ct)
    {
        caller.Require(Role.Operator);
        if (SnmpBuiltInProfiles.Find(name) is not null)
        {
            throw new UnprocessableException($"'{name}' is a built-in profile and cannot be deleted.");
        }

        var tenant = TenantOf(caller, tenantId);
        if (!await profiles.DeleteAsync(tenant, name, ct))
        {
            throw NotFoundException.For("SNMP profile", name);
        }

        await audit.RecordAsync(caller, "snmp.profile.delete", $"snmp-profile/{name}", tenant, null, ct);
        signal.Notify();
    }

    public Task<IReadOnlyList<SnmpAssignment>> ListAssignmentsAsync(Caller caller, CancellationToken ct)
    {
        caller.Require(Role.Viewer);
        return profiles.ListAssignmentsAsync(caller.Scope, ct);
    }

    /// <summary>Assigns a profile to one device (its tenant's) or to a tag of a tenant (every device carrying it).</summary>
    public async Task<SnmpAssignment> AssignAsync(Caller caller, string profile, long? deviceId, string? tag, long? tenantId, CancellationToken ct)
    {
        caller.Require(Role.Operator);
        if ((deviceId is null) == (tag is null))
        {
            throw new ValidationException("deviceId", "give either deviceId or tag.");
        }

        long tenant;
        string? cleanTag = null;
        if (deviceId is { } id)
        {
            var device = await devices.GetAsync(id, caller.Scope, ct) ?? throw NotFoundException.For("device", id);
            tenant = device.TenantId;
        }
        else
        {
            tenant = await ExistingTenantAsync(caller, tenantId, ct);
            cleanTag = DeviceRules.Tags([tag!], "tag")[0];
        }

        var name = SnmpRules.Name(profile, "profile");
        if (SnmpBuiltInProfiles.Find(name) is null && await profiles.GetAsync(tenant, name, ct) is null)
        {
            throw new ValidationException("profile", $"there is no profile '{name}' in tenant {tenant} (built-in: {string.Join(", ", SnmpBuiltInProfiles.All.Select(p => p.Name))}).");
        }

        var assignment = await profiles.AssignAsync(tenant, name, deviceId, cleanTag, time.GetUtcNow(), ct);
        await audit.RecordAsync(caller, "snmp.assign", $"snmp-assignment/{assignment.Id}", tenant, deviceId is null ? $"{name} → tag {cleanTag}" : $"{name} → device/{deviceId}", ct);
        signal.Notify();
        return assignment;
    }

    public async Task UnassignAsync(Caller caller, long id, CancellationToken ct)
    {
        caller.Require(Role.Operator);
        if (!await profiles.UnassignAsync(id, caller.Scope, ct))
        {
            throw NotFoundException.For("SNMP assignment", id);
        }

        await audit.RecordAsync(caller, "snmp.unassign", $"snmp-assignment/{id}", caller.TenantId, null, ct);
        signal.Notify();
    }

    private long TenantOf(Caller caller, long? tenantId) =>
        caller.Role == Role.Sysop ? tenantId ?? defaultTenant.Id
        : tenantId is null || tenantId == caller.TenantId ? caller.TenantId ?? -1
        : throw NotFoundException.For("tenant", tenantId);

    private async Task<long> ExistingTenantAsync(Caller caller, long? tenantId, CancellationToken ct)
    {
        var tenant = caller.TenantForNew(tenantId, defaultTenant.Id);
        return await tenants.GetAsync(tenant, ct) is null ? throw new ValidationException("tenantId", $"Tenant {tenant} does not exist.") : tenant;
    }
}
