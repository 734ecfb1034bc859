using Qdms.Core.Security;

namespace Qdms.Core.Devices;

/// <summary>The task queue. Transitions only move forward: a method that finds the task in the wrong state returns false.</summary>
public interface IDeviceTaskStore
{
    Task<DeviceTask> CreateAsync(NewDeviceTask task, DateTimeOffset now, CancellationToken ct);

    Task<DeviceTask?> GetAsync(long id, TenantScope scope, CancellationToken ct);

    /// <summary>The device's tasks, newest first, optionally of one status.</summary>
    Task<IReadOnlyList<DeviceTask>> ListForDeviceAsync(long deviceId, DeviceTaskStatus? status, TenantScope scope, int limit, CancellationToken ct);

    /// <summary>Queued tasks of a device that have not expired at <paramref name="now"/>, oldest first.</summary>
    Task<IReadOnlyList<DeviceTask>> ListDueAsync(long deviceId, DateTimeOffset now, CancellationToken ct);

    /// <summary>Queued → Sent.</summary>
    Task<bool> MarkSentAsync(long id, DateTimeOffset now, CancellationToken ct);

    /// <summary>Queued or Sent → Done with the engine's JSON result.</summary>
    Task<bool> MarkDoneAsync(long id, string? result, DateTimeOffset now, CancellationToken ct);

    /// <summary>Queued or Sent → Failed with the device's or engine's fault.</summary>
    Task<bool> MarkFailedAsync(long id, string faultCode, string faultMessage, DateTimeOffset now, CancellationToken ct);

    /// <summary>Every queued or sent task whose expiry is at or before <paramref name="now"/> → Expired. Returns how many.</summary>
    Task<int> ExpireOverdueAsync(DateTimeOffset now, CancellationToken ct);
}
