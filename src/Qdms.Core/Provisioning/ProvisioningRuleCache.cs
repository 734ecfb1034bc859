using System.Collections.Concurrent;

namespace Qdms.Core.Provisioning;

/// <summary>
/// The enabled rules of each tenant, held in memory so an Inform evaluates rules without a query. Every change through
/// <see cref="ProvisioningService"/> invalidates it; entries also expire after <see cref="MaxAge"/>, so a change made on
/// another node reaches this one within that time.
/// </summary>
public sealed class ProvisioningRuleCache(IProvisioningRuleStore store, TimeProvider time)
{
    /// <summary>How long a tenant's rules are trusted without a change seen on this node.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<long, Entry> _entries = new();
    private long _generation;

    public async ValueTask<IReadOnlyList<ProvisioningRule>> ForTenantAsync(long tenantId, CancellationToken ct)
    {
        var generation = Interlocked.Read(ref _generation);
        var now = time.GetTimestamp();
        if (_entries.TryGetValue(tenantId, out var entry) && entry.Generation == generation && time.GetElapsedTime(entry.LoadedAt, now) < MaxAge)
        {
            return entry.Rules;
        }

        var rules = await store.ListEnabledAsync(tenantId, ct);
        // a change during the load leaves the generation moved on: the entry is stale at once and reloaded next time
        _entries[tenantId] = new Entry(rules, generation, now);
        return rules;
    }

    /// <summary>Forgets every tenant's rules (a rule was created, changed or deleted).</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    private sealed record Entry(IReadOnlyList<ProvisioningRule> Rules, long Generation, long LoadedAt);
}
