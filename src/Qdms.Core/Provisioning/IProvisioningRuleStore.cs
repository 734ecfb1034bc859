using Qdms.Core.Security;

namespace Qdms.Core.Provisioning;

/// <summary>Provisioning rules (names unique per tenant) and which revision of a rule was last applied to which device.</summary>
public interface IProvisioningRuleStore
{
    /// <summary>The rules in scope, by tenant, priority and id.</summary>
    Task<IReadOnlyList<ProvisioningRule>> ListAsync(TenantScope scope, CancellationToken ct);

    /// <summary>The enabled rules of one tenant, by priority and id.</summary>
    Task<IReadOnlyList<ProvisioningRule>> ListEnabledAsync(long tenantId, CancellationToken ct);

    Task<ProvisioningRule?> GetAsync(long id, TenantScope scope, CancellationToken ct);

    /// <summary>Creates a rule at revision 1; <see cref="Errors.ConflictException"/> when the tenant has a rule of that name.</summary>
    Task<ProvisioningRule> CreateAsync(long tenantId, ProvisioningRuleSpec spec, DateTimeOffset now, string by, CancellationToken ct);

    /// <summary>Replaces a rule and raises its revision; null when it is not in scope, a conflict when the new name is taken.</summary>
    Task<ProvisioningRule?> UpdateAsync(long id, TenantScope scope, ProvisioningRuleSpec spec, DateTimeOffset now, string by, CancellationToken ct);

    /// <summary>Deletes a rule with what it applied. False when it is not in scope.</summary>
    Task<bool> DeleteAsync(long id, TenantScope scope, CancellationToken ct);

    /// <summary>Rule id → the revision last applied to the device, with when.</summary>
    Task<IReadOnlyDictionary<long, RuleApplication>> ListAppliedAsync(long deviceId, CancellationToken ct);

    /// <summary>Remembers that <paramref name="revision"/> of a rule was applied to a device (replacing an older record).</summary>
    Task RecordAppliedAsync(long ruleId, int revision, long deviceId, DateTimeOffset now, CancellationToken ct);
}
