using System.Text.Json;
using Qdms.Contracts;
using Qdms.Core.Devices;
using Qdms.Core.Devices.Bulk;
using Qdms.Core.Errors;
using Qdms.Core.Security;

namespace Qdms.Server.Endpoints;

/// <summary>
/// Bulk tasks: <c>POST /api/v1/devices/bulk-tasks</c> queues one task for explicit device ids or for every device a list filter
/// matches and answers 202 once all are queued; <c>GET /api/v1/bulk-tasks/{id}</c> counts the job's tasks by status.
/// </summary>
internal static class BulkTaskEndpoints
{
    public static RouteGroupBuilder MapBulkTaskEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/devices/bulk-tasks", async (CreateBulkTaskRequest body, Caller caller, BulkTaskService service, DeviceService devices, CancellationToken ct) =>
        {
            var arguments = body.Arguments is { } a && a.ValueKind != JsonValueKind.Null
                ? a.ValueKind == JsonValueKind.Object ? a.GetRawText() : throw new ValidationException("arguments", $"arguments must be a JSON object; got {a.ValueKind.ToString().ToLowerInvariant()}.")
                : null;
            var filter = body.Filter is { } f
                ? devices.PrepareExport(caller, new DeviceQuery(f.Q, f.Protocol, f.Group, f.Tag, DeviceDtoMapping.ParseDeviceStatus(f.Status), f.Model, f.Firmware))
                : null; // the list's own validation: a bulk filter selects exactly what GET /devices lists
            var job = await service.QueueAsync(caller, new BulkTaskSelection(body.DeviceIds, filter), body.Kind, arguments, body.ExpiresInSeconds, ct);
            var progress = new BulkTaskProgress(job, job.Queued, 0, 0, 0, 0);
            return TypedResults.Accepted($"/api/v1/bulk-tasks/{job.Id}", progress.ToDto());
        }).WithTags("Tasks");

        api.MapGet("/bulk-tasks/{id:long}", async (long id, Caller caller, BulkTaskService service, CancellationToken ct) =>
            TypedResults.Ok((await service.GetProgressAsync(caller, id, ct)).ToDto())).WithTags("Tasks");
        return api;
    }

    private static BulkTaskJobDto ToDto(this BulkTaskProgress p) => new(
        p.Job.Id, p.Job.Kind, p.Job.Selection, p.Job.State.ToString().ToLowerInvariant(), p.Job.Matched, p.Job.Queued,
        p.Waiting, p.Sent, p.Done, p.Failed, p.Expired, p.Finished, p.Job.CreatedBy, p.Job.CreatedAt, p.Job.FinishedAt);
}
