using Qdms.Core.Security;

namespace Qdms.Core.Audit;

/// <summary>Records every change made through the services. Actions are dotted verbs: <c>device.create</c>, <c>engine.start</c>.</summary>
public sealed class AuditLog(IAuditStore store, TimeProvider time)
{
    public Task RecordAsync(Caller caller, string action, string target, long? tenantId, string? details, CancellationToken ct) =>
        store.AppendAsync(
            new AuditEntry(0, time.GetUtcNow(), caller.UserId == 0 ? null : caller.UserId, caller.Username, tenantId, action, target, details),
            ct);
}
