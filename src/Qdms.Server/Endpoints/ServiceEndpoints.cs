using Qdms.Contracts;
using Qdms.Core.Devices;
using Qdms.Core.Engines;
using Qdms.Core.Files;
using Qdms.Core.Security;

namespace Qdms.Server.Endpoints;

/// <summary>
/// The QDMS service as a whole (IF-01-01…03). Stopping it stops every engine and service component; the API stays up so the
/// service can be reported on and started again. Start and stop need a sysop; the report, any signed-in user. Every answer
/// is the service report: engines and components, plus the caller's device counts and file servers.
/// </summary>
internal static class ServiceEndpoints
{
    public static RouteGroupBuilder MapServiceEndpoints(this RouteGroupBuilder api)
    {
        var service = api.MapGroup("/service").WithTags("Service");
        service.MapPost("/start", async (Caller caller, EngineManager manager, DeviceService devices, FileService files, CancellationToken ct) =>
            TypedResults.Ok(await ComposeAsync(await manager.StartServiceAsync(caller, ct), caller, devices, files, ct)));

        service.MapPost("/stop", async (Caller caller, EngineManager manager, DeviceService devices, FileService files, CancellationToken ct) =>
            TypedResults.Ok(await ComposeAsync(await manager.StopServiceAsync(caller, ct), caller, devices, files, ct)));

        service.MapGet("/report", async (Caller caller, EngineManager manager, DeviceService devices, FileService files, CancellationToken ct) =>
            TypedResults.Ok(await ComposeAsync(await manager.ReportAsync(caller, ct), caller, devices, files, ct)));
        return api;
    }

    private static async Task<ServiceReportDto> ComposeAsync(ServiceReport report, Caller caller, DeviceService devices, FileService files, CancellationToken ct)
    {
        var counts = await devices.CountByStatusAsync(caller, ct);
        var summary = new DeviceSummaryDto(counts.Values.Sum(), counts.ToDictionary(c => DeviceDtoMapping.Name(c.Key), c => c.Value));
        var servers = (await files.GetServerStatusAsync(caller, ct)).Select(s => s.ToDto()).ToList();
        return report.ToDto(summary, servers);
    }
}
