using System.Text.Json;
using Qdms.Contracts;
using Qdms.Core.Devices;
using Qdms.Core.Events;
using Qdms.Core.Paging;
using Qdms.Core.Security;

namespace Qdms.Server.Endpoints;

internal static class EventEndpoints
{
    /// <summary>
    /// Device events, newest first: every event of the caller's tenant (sysops: all, including unknown sources with
    /// <c>unknown=true</c>), and one device's events.
    /// </summary>
    public static RouteGroupBuilder MapEventEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/events", async (
            Caller caller, IDeviceEventStore store, long? deviceId, string? source, string? type, string? severity, DateTimeOffset? from,
            DateTimeOffset? to, bool? unknown, int? page, int? size, CancellationToken ct) =>
        {
            caller.Require(Role.Viewer);
            var query = Query(deviceId, source, type, severity, from, to, unknown ?? false);
            var result = await store.ListAsync(caller.Scope, query, PageRequest.From(page, size), ct);
            return TypedResults.Ok(result.ToDto(EventDtoMapping.ToDto));
        }).WithTags("Events");

        api.MapGet("/devices/{id:long}/events", async (
            long id, Caller caller, DeviceService devices, IDeviceEventStore store, string? source, string? type, string? severity,
            DateTimeOffset? from, DateTimeOffset? to, int? page, int? size, CancellationToken ct) =>
        {
            var device = await devices.GetAsync(caller, id, ct);
            var query = Query(device.Id, source, type, severity, from, to, unknownOnly: false);
            var result = await store.ListAsync(TenantScope.Of(device.TenantId), query, PageRequest.From(page, size), ct);
            return TypedResults.Ok(result.ToDto(EventDtoMapping.ToDto));
        }).WithTags("Events");
        return api;
    }

    private static DeviceEventQuery Query(long? deviceId, string? source, string? type, string? severity, DateTimeOffset? from, DateTimeOffset? to, bool unknownOnly) =>
        new(deviceId, source, type, severity is null ? null : EventSeverityNames.Parse(severity, "severity"), from, to, unknownOnly);
}
