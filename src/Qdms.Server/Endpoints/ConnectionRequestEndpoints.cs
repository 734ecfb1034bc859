using Qdms.Contracts;
using Qdms.Core.Devices;
using Qdms.Core.Security;

namespace Qdms.Server.Endpoints;

/// <summary>
/// <c>POST /api/v1/devices/{id}/connection-request</c>: asks a device to contact its engine now (operators). The answer is 200
/// with the outcome whether or not the device could be woken: the request itself was carried out.
/// </summary>
internal static class ConnectionRequestEndpoints
{
    public static RouteGroupBuilder MapConnectionRequestEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/devices/{id:long}/connection-request", async (long id, Caller caller, DeviceWakeService service, CancellationToken ct) =>
            TypedResults.Ok((await service.WakeAsync(caller, id, ct)).ToDto()))
            .WithTags("Devices");
        return api;
    }

    public static ConnectionRequestResultDto ToDto(this DeviceWakeResult result) =>
        new(result.Channel, result.Status.ToString().ToLowerInvariant(), result.Error);
}
