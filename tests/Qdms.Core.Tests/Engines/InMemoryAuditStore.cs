using System.Collections.Concurrent;
using Qdms.Core.Audit;
using Qdms.Core.Paging;
using Qdms.Core.Security;

namespace Qdms.Core.Tests.Engines;

internal sealed class InMemoryAuditStore : IAuditStore
{
    public ConcurrentQueue<AuditEntry> Entries { get; } = new();

    public Task AppendAsync(AuditEntry entry, CancellationToken ct)
    {
        Entries.Enqueue(entry);
        return Task.CompletedTask;
    }

    public Task<Page<AuditEntry>> ListAsync(TenantScope scope, AuditQuery query, PageRequest page, CancellationToken ct) =>
        throw new NotSupportedException();
}
