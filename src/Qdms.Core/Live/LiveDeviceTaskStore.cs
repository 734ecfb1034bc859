using Qdms.Core.Devices;
using Qdms.Core.Security;

namespace Qdms.Core.Live;

/// <summary>The task store, publishing each task it creates and each status change it makes to the <see cref="LiveHub"/>.</summary>
/// <remarks>Expiry (<see cref="ExpireOverdueAsync"/>) changes many tasks in one statement without naming them, so it is not published.</remarks>
internal sealed class LiveDeviceTaskStore(IDeviceTaskStore inner, LiveHub hub) : IDeviceTaskStore
{
    public async Task<DeviceTask> CreateAsync(NewDeviceTask task, DateTimeOffset now, CancellationToken ct)
    {
        var created = await inner.CreateAsync(task, now, ct);
        hub.Publish(new TaskChanged(created));
        return created;
    }

    public Task<DeviceTask?> GetAsync(long id, TenantScope scope, CancellationToken ct) => inner.GetAsync(id, scope, ct);

    public Task<IReadOnlyList<DeviceTask>> ListForDeviceAsync(long deviceId, DeviceTaskStatus? status, TenantScope scope, int limit, CancellationToken ct) =>
        inner.ListForDeviceAsync(deviceId, status, scope, limit, ct);

    public Task<IReadOnlyList<DeviceTask>> ListDueAsync(long deviceId, DateTimeOffset now, CancellationToken ct) => inner.ListDueAsync(deviceId, now, ct);

    public async Task<bool> MarkSentAsync(long id, DateTimeOffset now, CancellationToken ct) =>
        await PublishIfAsync(await inner.MarkSentAsync(id, now, ct), id);

    public async Task<bool> MarkDoneAsync(long id, string? result, DateTimeOffset now, CancellationToken ct) =>
        await PublishIfAsync(await inner.MarkDoneAsync(id, result, now, ct), id);

    public async Task<bool> MarkFailedAsync(long id, string faultCode, string faultMessage, DateTimeOffset now, CancellationToken ct) =>
        await PublishIfAsync(await inner.MarkFailedAsync(id, faultCode, faultMessage, now, ct), id);

    public Task<int> ExpireOverdueAsync(DateTimeOffset now, CancellationToken ct) => inner.ExpireOverdueAsync(now, ct);

    /// <summary>After a transition that happened, reads the task back (only while someone listens) and publishes it.</summary>
    private async Task<bool> PublishIfAsync(bool changed, long id)
    {
        if (changed && hub.HasSubscribers)
        {
            // The write is done: a reader's cancellation must not undo the message, and a failed read must not fail the write.
            try
            {
                if (await inner.GetAsync(id, TenantScope.All, CancellationToken.None) is { } task)
                {
                    hub.Publish(new TaskChanged(task));
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // live messages are best effort; the task list stays the truth
            }
        }

        return changed;
    }
}
