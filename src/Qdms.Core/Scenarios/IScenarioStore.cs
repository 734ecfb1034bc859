using Qdms.Core.Paging;
using Qdms.Core.Security;

namespace Qdms.Core.Scenarios;

/// <summary>Stored scenarios; names are unique within a tenant (a clash throws a conflict).</summary>
public interface IScenarioStore
{
    Task<StoredScenario> CreateAsync(StoredScenario scenario, CancellationToken ct);

    Task<StoredScenario?> GetAsync(long id, TenantScope scope, CancellationToken ct);

    Task<Page<StoredScenario>> ListAsync(TenantScope scope, PageRequest page, CancellationToken ct);

    /// <summary>Replaces the text when the stored revision is still <paramref name="expectedRevision"/>; false otherwise.</summary>
    Task<bool> UpdateTextAsync(long id, TenantScope scope, string text, int expectedRevision, DateTimeOffset now, string by, CancellationToken ct);

    Task<bool> DeleteAsync(long id, TenantScope scope, CancellationToken ct);
}
