using Qdms.Contracts;

namespace Qdms.Client;

public sealed partial class QdmsClient
{
    /// <summary>Asks a device to contact its engine now (a TR-069 connection request); the result says whether it was sent.</summary>
    public Task<ConnectionRequestResultDto> WakeDeviceAsync(long deviceId, CancellationToken ct = default) =>
        SendJsonAsync<ConnectionRequestResultDto>(HttpMethod.Post, $"api/v1/devices/{deviceId}/connection-request", null, ct);

    /// <summary>
    /// Queues a task and, with <paramref name="connectionRequest"/>, asks the device to contact its engine now; the answer's
    /// <see cref="DeviceTaskDto.ConnectionRequest"/> says how that went (a failed wake-up leaves the task queued).
    /// </summary>
    public Task<DeviceTaskDto> CreateTaskAsync(long deviceId, CreateTaskRequest request, bool connectionRequest, CancellationToken ct = default) =>
        SendJsonAsync<DeviceTaskDto>(HttpMethod.Post, $"api/v1/devices/{deviceId}/tasks" + Query(("connectionRequest", connectionRequest ? "true" : null)), request, ct);
}
