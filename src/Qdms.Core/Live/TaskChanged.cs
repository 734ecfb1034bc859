using Qdms.Core.Devices;

namespace Qdms.Core.Live;

/// <summary>A task was queued or changed status.</summary>
public sealed record TaskChanged(DeviceTask Task) : LiveChange(Task.TenantId, Task.DeviceId);
