namespace Qdms.Core.Snmp;

/// <summary>A profile polled on one device, or on every device of a tenant carrying a tag (a group).</summary>
public sealed record SnmpAssignment(long Id, long TenantId, string Profile, long? DeviceId, string? Tag, DateTimeOffset CreatedAt);
