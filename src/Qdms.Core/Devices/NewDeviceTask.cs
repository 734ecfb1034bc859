namespace Qdms.Core.Devices;

/// <summary>A validated task about to be queued.</summary>
public sealed record NewDeviceTask(long DeviceId, long TenantId, string Kind, string? Arguments, DateTimeOffset? ExpiresAt, string CreatedBy);
