using System.Text.Json;
using Qdms.Contracts;
using Qdms.Core.Devices;
using Qdms.Core.Errors;
using Qdms.Core.Security;

namespace Qdms.Server.Endpoints;

/// <summary>
/// Tasks: queued under a device (202 Accepted: the device runs them later; with <c>?connectionRequest=true</c> the device is
/// asked to contact its engine now, and the answer says how that went), read under <c>/api/v1/tasks</c>.
/// </summary>
internal static class TaskEndpoints
{
    public static RouteGroupBuilder MapTaskEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/devices/{id:long}/tasks", async (
            long id, CreateTaskRequest body, bool? connectionRequest, Caller caller, TaskService service, DeviceWakeService waker, CancellationToken ct) =>
        {
            var arguments = body.Arguments is { } a && a.ValueKind != JsonValueKind.Null
                ? a.ValueKind == JsonValueKind.Object ? a.GetRawText() : throw new ValidationException("arguments", $"arguments must be a JSON object; got {a.ValueKind.ToString().ToLowerInvariant()}.")
                : null;
            var task = await service.CreateAsync(caller, id, body.Kind, arguments, body.ExpiresInSeconds, ct);
            // A wake-up that fails leaves the task queued: it runs at the device's next session either way.
            var wake = connectionRequest == true ? (await waker.WakeAsync(caller, id, ct)).ToDto() : null;
            return TypedResults.Accepted($"/api/v1/tasks/{task.Id}", task.ToDto() with { ConnectionRequest = wake });
        }).WithTags("Tasks");

        api.MapGet("/devices/{id:long}/tasks", async (long id, string? status, Caller caller, TaskService service, CancellationToken ct) =>
            TypedResults.Ok((await service.ListForDeviceAsync(caller, id, DeviceDtoMapping.ParseTaskStatus(status), ct)).Select(t => t.ToDto()).ToList()))
            .WithTags("Tasks");

        api.MapGet("/tasks/{id:long}", async (long id, Caller caller, TaskService service, CancellationToken ct) =>
            TypedResults.Ok((await service.GetAsync(caller, id, ct)).ToDto())).WithTags("Tasks");
        return api;
    }
}
