using Qdms.Contracts;
using Qdms.Core.Security;
using Qdms.Qos.Services;

namespace Qdms.Server.Endpoints;

/// <summary>QDMS's own QoS view under <c>/api/v1/qos</c>: a device's KPI series and rankings of device sets with their breakdown.</summary>
internal static class QosEndpoints
{
    /// <summary>Maps the native routes and, beside them, the Arrowhead-compatible ones (one line in the pipeline).</summary>
    public static WebApplication MapQosEndpoints(this WebApplication app)
    {
        var qos = app.MapGroup("/api/v1/qos").WithTags("QoS");
        qos.MapPost("/rank", async (QosRankRequest body, Caller caller, QosNativeService service, CancellationToken ct) =>
        {
            var (ranked, plan) = await service.RankAsync(caller, body.DeviceIds, body.Group, body.Metrics, body.Weights, body.Window, ct);
            var devices = ranked.Select((s, i) => new QosRankedDeviceDto(i + 1, s.DeviceId!.Value, s.Provider, s.Score, s.Metrics.Select(m => m.ToDto()).ToList())).ToList();
            return TypedResults.Ok(new QosRankingDto(devices, plan.Metrics.Select(m => m.ToString()).ToList(), plan.Weights, (int)plan.Window.TotalSeconds));
        });

        qos.MapGet("/devices/{id:long}/series", async (
            long id, string? metric, DateTimeOffset? from, DateTimeOffset? to, int? limit, Caller caller, QosNativeService service, CancellationToken ct) =>
        {
            var series = await service.SeriesAsync(caller, id, metric ?? "", from, to, limit, ct);
            return TypedResults.Ok(series.Select(m => m.ToDto()).ToList());
        });

        app.MapQosArrowheadEndpoints();
        return app;
    }
}
