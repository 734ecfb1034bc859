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
            var set = new QosDeviceSet(body.DeviceIds, body.Group, body.Model, body.All ?? false);
            var (ranked, plan) = await service.RankAsync(caller, set, body.Metrics, body.Weights, body.Window, ct);
            var devices = ranked.Select((s, i) => new QosRankedDeviceDto(i + 1, s.DeviceId!.Value, s.Provider, s.Score, s.Metrics.Select(m => m.ToDto()).ToList())).ToList();
            return TypedResults.Ok(new QosRankingDto(devices, plan.Metrics.Select(m => m.ToString()).ToList(), plan.Weights, (int)plan.Window.TotalSeconds));
        });

        qos.MapGet("/devices/{id:long}/series", async (
            long id, string? metric, DateTimeOffset? from, DateTimeOffset? to, int? limit, Caller caller, QosNativeService service, CancellationToken ct) =>
        {
            var series = await service.SeriesAsync(caller, id, metric ?? "", from, to, limit, ct);
            return TypedResults.Ok(series.Select(m => m.ToDto()).ToList());
        });

        qos.MapGet("/overview", async (int? window, int? top, Caller caller, QosNativeService service, CancellationToken ct) =>
        {
            var o = await service.OverviewAsync(caller, window, top, ct);
            var edges = QosOverview.BandEdges;
            var withData = o.Measured - o.NoData;
            QosRankedDeviceDto Dto((Qdms.Qos.Scoring.ProviderScore Score, string Name) d, int rank) =>
                new(rank, d.Score.DeviceId!.Value, d.Name, d.Score.Score, d.Score.Metrics.Select(m => m.ToDto()).ToList());
            return TypedResults.Ok(new QosOverviewDto(
                (int)o.Plan.Window.TotalSeconds,
                o.Plan.Metrics.Select(m => m.ToString()).ToList(),
                o.Measured,
                o.NoData,
                o.Bands.Select((count, i) => new QosScoreBandDto(edges[i], edges[i + 1], count)).ToList(),
                o.Best.Select((d, i) => Dto(d, i + 1)).ToList(),
                o.Worst.Select((d, i) => Dto(d, withData - i)).ToList()));
        });

        app.MapQosArrowheadEndpoints();
        return app;
    }
}
