using Qdms.Core.Provisioning;
using Qdms.Core.Security;

namespace Qdms.Core.Tests.Provisioning;

public sealed class ProvisioningRuleCacheTests
{
    private sealed class ManualClock : TimeProvider
    {
        public long Ticks { get; set; }

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Ticks;
    }

    private sealed class CountingStore : IProvisioningRuleStore
    {
        public int Loads { get; private set; }

        public Task<IReadOnlyList<ProvisioningRule>> ListEnabledAsync(long tenantId, CancellationToken ct)
        {
            Loads++;
            return Task.FromResult<IReadOnlyList<ProvisioningRule>>([]);
        }

        public Task<IReadOnlyList<ProvisioningRule>> ListAsync(TenantScope scope, CancellationToken ct) => throw new NotSupportedException();

        public Task<ProvisioningRule?> GetAsync(long id, TenantScope scope, CancellationToken ct) => throw new NotSupportedException();

        public Task<ProvisioningRule> CreateAsync(long tenantId, ProvisioningRuleSpec spec, DateTimeOffset now, string by, CancellationToken ct) => throw new NotSupportedException();

        public Task<ProvisioningRule?> UpdateAsync(long id, TenantScope scope, ProvisioningRuleSpec spec, DateTimeOffset now, string by, CancellationToken ct) => throw new NotSupportedException();

        public Task<bool> DeleteAsync(long id, TenantScope scope, CancellationToken ct) => throw new NotSupportedException();

        public Task<IReadOnlyDictionary<long, RuleApplication>> ListAppliedAsync(long deviceId, CancellationToken ct) => throw new NotSupportedException();

        public Task RecordAppliedAsync(long ruleId, int revision, long deviceId, DateTimeOffset now, CancellationToken ct) => throw new NotSupportedException();
    }

    [Fact]
    public async Task A_tenants_rules_are_loaded_once_until_a_change_or_the_maximum_age()
    {
        var store = new CountingStore();
        var clock = new ManualClock();
        var cache = new ProvisioningRuleCache(store, clock);

        for (var i = 0; i < 100; i++)
        {
            await cache.ForTenantAsync(1, default);
        }

        Assert.Equal(1, store.Loads);
        await cache.ForTenantAsync(2, default);
        Assert.Equal(2, store.Loads);

        cache.Invalidate();
        await cache.ForTenantAsync(1, default);
        await cache.ForTenantAsync(1, default);
        Assert.Equal(3, store.Loads);

        clock.Ticks += ProvisioningRuleCache.MaxAge.Ticks;
        await cache.ForTenantAsync(1, default);
        Assert.Equal(4, store.Loads);
    }
}
