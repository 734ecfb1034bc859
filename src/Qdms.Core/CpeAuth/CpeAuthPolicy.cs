namespace Qdms.Core.CpeAuth;

/// <summary>The modes that apply to one device: its own and its tenant's (null: not set, the next level decides).</summary>
public sealed record CpeAuthPolicy(long DeviceId, long TenantId, CpeAuthMode? DeviceMode, CpeAuthMode? TenantMode);
