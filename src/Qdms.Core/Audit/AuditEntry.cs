namespace Qdms.Core.Audit;

/// <summary>Who did what to which thing, and when. <see cref="TenantId"/> is the tenant the target belongs to, if any.</summary>
public sealed record AuditEntry(
    long Id,
    DateTimeOffset At,
    long? UserId,
    string Username,
    long? TenantId,
    string Action,
    string Target,
    string? Details);
