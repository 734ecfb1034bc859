using Qdms.Contracts;
using Qdms.Core.Errors;
using Qdms.Core.Security;
using Qdms.Qos.Scoring;
using Qdms.Qos.Services;

namespace Qdms.Server.Endpoints;

/// <summary>
/// The Arrowhead DeviceQoSEvaluator's HTTP services under <c>/deviceqosevaluator</c>, with Arrowhead's paths, JSON and error
/// body, so an Arrowhead consumer can use QDMS unchanged — but authenticated with QDMS bearer tokens (every route), and
/// providers resolved among the caller's tenant's devices only.
/// </summary>
internal static class QosArrowheadEndpoints
{
    public const string Prefix = "/deviceqosevaluator";

    public static WebApplication MapQosArrowheadEndpoints(this WebApplication app)
    {
        var qos = app.MapGroup(Prefix).WithTags("QoS (Arrowhead)");
        qos.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (QdmsException e)
            {
                return QosArrowheadJson.Error(context.HttpContext, e);
            }
        });

        qos.MapPost("/qualityevaluation/filter", async (HttpRequest request, Caller caller, QosEvaluationService service, Qdms.Qos.Configuration.QosOptions options, CancellationToken ct) =>
        {
            var body = await QosArrowheadJson.ReadAsync<QosEvaluationRequestDto>(request, ct);
            var plan = Plan(body, options);
            var scores = service.Evaluate(caller, body.Providers, plan);
            var (passed, dropped) = service.Filter(scores, body.Configuration?.Threshold);
            return QosArrowheadJson.Ok(new QosFilterResponseDto(
                passed.Select(s => s.Provider).ToList(), dropped.Select(s => s.Provider).ToList(),
                QosDtoMapping.Warnings(scores), QosDtoMapping.Scores(scores)));
        }).Accepts<QosEvaluationRequestDto>("application/json").Produces<QosFilterResponseDto>();

        qos.MapPost("/qualityevaluation/sort", async (HttpRequest request, Caller caller, QosEvaluationService service, Qdms.Qos.Configuration.QosOptions options, CancellationToken ct) =>
        {
            var body = await QosArrowheadJson.ReadAsync<QosEvaluationRequestDto>(request, ct);
            var scores = service.Evaluate(caller, body.Providers, Plan(body, options));
            var ranked = QosScorer.Rank(scores);
            return QosArrowheadJson.Ok(new QosSortResponseDto(
                ranked.Select(s => s.Provider).ToList(), QosDtoMapping.Warnings(ranked), QosDtoMapping.Scores(ranked)));
        }).Accepts<QosEvaluationRequestDto>("application/json").Produces<QosSortResponseDto>();

        qos.MapPost("/mgmt/query", async (HttpRequest request, Caller caller, QosManagementService service, CancellationToken ct) =>
        {
            var body = await QosArrowheadJson.ReadAsync<QosQueryRequestDto>(request, ct);
            var p = body.Pagination;
            var result = await service.QueryAsync(caller,
                new QosQueryRequest(body.MetricGroup, body.From, body.To, body.Aggregation, body.SystemNames, p?.Page, p?.Size, p?.Direction, p?.SortField), ct);
            return QosArrowheadJson.Ok(new QosQueryResponseDto(result.Records.Select(r => r.ToDto(result.Aggregation)).ToList(), result.Count));
        }).Accepts<QosQueryRequestDto>("application/json").Produces<QosQueryResponseDto>();

        qos.MapPost("/mgmt/reload", async (Caller caller, QosManagementService service, CancellationToken ct) =>
        {
            var r = await service.ReloadAsync(caller, ct);
            return QosArrowheadJson.Ok(new QosReloadResponseDto(r.DevicesFound, r.SystemsFound, r.DevicesRemoved, r.SystemsRemoved));
        }).Produces<QosReloadResponseDto>();

        qos.MapPost("/general/mgmt/logs", async (HttpRequest request, Caller caller, QosManagementService service, CancellationToken ct) =>
        {
            var body = await QosArrowheadJson.ReadAsync<QosLogRequestDto>(request, ct);
            var p = body.Pagination;
            var (items, total) = await service.LogsAsync(caller, body.From, body.To, body.Severity, body.LoggerStr, p?.Page, p?.Size, p?.Direction, ct);
            return QosArrowheadJson.Ok(new QosLogResponseDto(items.Select(e => e.ToDto()).ToList(), total));
        }).Accepts<QosLogRequestDto>("application/json").Produces<QosLogResponseDto>();

        qos.MapGet("/general/mgmt/get-config", (HttpRequest request, Caller caller, QosManagementService service) =>
        {
            var keys = request.Query["keys"].Where(k => !string.IsNullOrEmpty(k)).Select(k => k!).ToList();
            return QosArrowheadJson.Ok(new QosConfigResponseDto(service.GetConfig(caller, keys)));
        }).Produces<QosConfigResponseDto>();
        return app;
    }

    private static QosEvaluationPlan Plan(QosEvaluationRequestDto body, Qdms.Qos.Configuration.QosOptions options)
    {
        var c = body.Configuration ?? throw new ValidationException("configuration", "configuration is required: metricNames, metricWeights, timeWindow (and threshold for filter).");
        return QosEvaluationPlan.Create(c.MetricNames, c.MetricWeights, c.TimeWindow, options.EvaluationWindow);
    }
}
