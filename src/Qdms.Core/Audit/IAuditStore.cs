using Qdms.Core.Paging;
using Qdms.Core.Security;

namespace Qdms.Core.Audit;

public interface IAuditStore
{
    Task AppendAsync(AuditEntry entry, CancellationToken ct);

    /// <summary>Newest first. A tenant scope sees the entries of its tenant only.</summary>
    Task<Page<AuditEntry>> ListAsync(TenantScope scope, AuditQuery query, PageRequest page, CancellationToken ct);
}

/// <summary>Filters for the audit log; null means any.</summary>
public sealed record AuditQuery(string? Action = null, string? Username = null, DateTimeOffset? Since = null, DateTimeOffset? Until = null);
