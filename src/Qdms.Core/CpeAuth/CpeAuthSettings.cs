namespace Qdms.Core.CpeAuth;

/// <summary>One device's CPE authentication row as stored: its mode override and its sealed password (never plain text).</summary>
public sealed record CpeAuthSettings(long DeviceId, long TenantId, CpeAuthMode? Mode, string? SealedPassword, string? HashFingerprint, DateTimeOffset UpdatedAt);
