using Qdms.Core.Devices;

namespace Qdms.Core.Live;

/// <summary>A device was in contact or its status changed. <paramref name="Status"/> is null when the contact left it unchanged.</summary>
public sealed record DeviceChanged(long Id, long Tenant, DeviceStatus? Status, DateTimeOffset? LastContactAt) : LiveChange(Tenant, Id);
