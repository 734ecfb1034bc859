using Qdms.Contracts;

namespace Qdms.Client;

public sealed partial class QdmsClient
{
    /// <summary>Ranks devices (by ids and/or a tag) by their QoS score, best first, with the breakdown.</summary>
    public Task<QosRankingDto> RankQosAsync(QosRankRequest request, CancellationToken ct = default) =>
        SendJsonAsync<QosRankingDto>(HttpMethod.Post, "api/v1/qos/rank", request, ct);

    /// <summary>The caller's measured devices by score band (default metrics), with the best and worst <paramref name="top"/>.</summary>
    public Task<QosOverviewDto> QosOverviewAsync(int? window = null, int? top = null, CancellationToken ct = default) =>
        GetAsync<QosOverviewDto>("api/v1/qos/overview" + Query(("window", window), ("top", top)), ct);

    /// <summary>A device's stored measurements of one metric (<c>rtt</c>, <c>cpu_total_load</c> …), oldest first.</summary>
    public Task<List<QosMeasurementDto>> QosSeriesAsync(
        long deviceId, string metric, DateTimeOffset? from = null, DateTimeOffset? to = null, int? limit = null, CancellationToken ct = default) =>
        GetAsync<List<QosMeasurementDto>>(
            $"api/v1/qos/devices/{deviceId}/series" + Query(("metric", metric), ("from", from?.ToString("O")), ("to", to?.ToString("O")), ("limit", limit)), ct);

    /// <summary>Arrowhead's <c>POST /deviceqosevaluator/qualityevaluation/sort</c>.</summary>
    public Task<QosSortResponseDto> QosSortAsync(QosEvaluationRequestDto request, CancellationToken ct = default) =>
        SendJsonAsync<QosSortResponseDto>(HttpMethod.Post, "deviceqosevaluator/qualityevaluation/sort", request, ct);

    /// <summary>Arrowhead's <c>POST /deviceqosevaluator/qualityevaluation/filter</c>.</summary>
    public Task<QosFilterResponseDto> QosFilterAsync(QosEvaluationRequestDto request, CancellationToken ct = default) =>
        SendJsonAsync<QosFilterResponseDto>(HttpMethod.Post, "deviceqosevaluator/qualityevaluation/filter", request, ct);

    /// <summary>Arrowhead's <c>POST /deviceqosevaluator/mgmt/query</c>.</summary>
    public Task<QosQueryResponseDto> QosQueryAsync(QosQueryRequestDto request, CancellationToken ct = default) =>
        SendJsonAsync<QosQueryResponseDto>(HttpMethod.Post, "deviceqosevaluator/mgmt/query", request, ct);

    /// <summary>Arrowhead's <c>POST /deviceqosevaluator/mgmt/reload</c>.</summary>
    public Task<QosReloadResponseDto> QosReloadAsync(CancellationToken ct = default) =>
        SendJsonAsync<QosReloadResponseDto>(HttpMethod.Post, "deviceqosevaluator/mgmt/reload", null, ct);

    /// <summary>Arrowhead's <c>POST /deviceqosevaluator/general/mgmt/logs</c>.</summary>
    public Task<QosLogResponseDto> QosLogsAsync(QosLogRequestDto request, CancellationToken ct = default) =>
        SendJsonAsync<QosLogResponseDto>(HttpMethod.Post, "deviceqosevaluator/general/mgmt/logs", request, ct);

    /// <summary>Arrowhead's <c>GET /deviceqosevaluator/general/mgmt/get-config?keys=…</c>.</summary>
    public Task<QosConfigResponseDto> QosConfigAsync(IEnumerable<string> keys, CancellationToken ct = default) =>
        GetAsync<QosConfigResponseDto>(
            "deviceqosevaluator/general/mgmt/get-config" + (keys.Any() ? "?" + string.Join('&', keys.Select(k => "keys=" + Uri.EscapeDataString(k))) : ""), ct);
}
