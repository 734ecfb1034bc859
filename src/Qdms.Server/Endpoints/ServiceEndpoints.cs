using Qdms.Core.Engines;
using Qdms.Core.Security;

namespace Qdms.Server.Endpoints;

/// <summary>
/// The QDMS service as a whole (IF-01-01…03). Stopping it stops every engine and service component; the API stays up so the
/// service can be reported on and started again. Start and stop need a sysop; the report, any signed-in user.
/// </summary>
internal static class ServiceEndpoints
{
    public static RouteGroupBuilder MapServiceEndpoints(this RouteGroupBuilder api)
    {
        var service = api.MapGroup("/service").WithTags("Service");
        service.MapPost("/start", async (Caller caller, EngineManager manager, CancellationToken ct) =>
            TypedResults.Ok((await manager.StartServiceAsync(caller, ct)).ToDto()));

        service.MapPost("/stop", async (Caller caller, EngineManager manager, CancellationToken ct) =>
            TypedResults.Ok((await manager.StopServiceAsync(caller, ct)).ToDto()));

        service.MapGet("/report", async (Caller caller, EngineManager manager, CancellationToken ct) =>
            TypedResults.Ok((await manager.ReportAsync(caller, ct)).ToDto()));
        return api;
    }
}
