using Qdms.Core.Provisioning;
using Qdms.Core.Security;

namespace Qdms.Bench.Provisioning;

/// <summary>A tenant's rules in memory; only the cache's load is expected.</summary>
internal sealed class MemoryRules(IReadOnlyList<ProvisioningRule> rules) : IProvisioningRuleStore
{
    private readonly IReadOnlyDictionary<long, RuleApplication> _applied = rules.ToDictionary(r => r.Id, r => new RuleApplication(r.Revision, DateTimeOffset.UnixEpoch));

    public Task<IReadOnlyList<ProvisioningRule>> ListEnabledAsync(long tenantId, CancellationToken ct) => Task.FromResult(rules);

    public Task<IReadOnlyDictionary<long, RuleApplication>> ListAppliedAsync(long deviceId, CancellationToken ct) =>
        Task.FromResult(_applied);

    public Task<IReadOnlyList<ProvisioningRule>> ListAsync(TenantScope scope, CancellationToken ct) => throw Unexpected();

    public Task<ProvisioningRule?> GetAsync(long id, TenantScope scope, CancellationToken ct) => throw Unexpected();

    public Task<ProvisioningRule> CreateAsync(long tenantId, ProvisioningRuleSpec spec, DateTimeOffset now, string by, CancellationToken ct) => throw Unexpected();

    public Task<ProvisioningRule?> UpdateAsync(long id, TenantScope scope, ProvisioningRuleSpec spec, DateTimeOffset now, string by, CancellationToken ct) => throw Unexpected();

    public Task<bool> DeleteAsync(long id, TenantScope scope, CancellationToken ct) => throw Unexpected();

    public Task RecordAppliedAsync(long ruleId, int revision, long deviceId, DateTimeOffset now, CancellationToken ct) => throw Unexpected();

    private static InvalidOperationException Unexpected() => new("not on the measured path");
}
