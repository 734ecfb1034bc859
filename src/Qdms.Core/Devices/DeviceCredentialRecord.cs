namespace Qdms.Core.Devices;

/// <summary>A device's stored HTTP Basic credentials, as the authenticator needs them.</summary>
public sealed record DeviceCredentialRecord(long DeviceId, long TenantId, string PasswordHash);
