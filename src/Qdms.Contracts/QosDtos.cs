namespace Qdms.Contracts;

/// <summary>
/// <c>POST /api/v1/qos/rank</c>: rank devices named by id and/or by a tag (<see cref="Group"/>), with metrics <c>GROUP_STAT</c>
/// (default: every group's MEAN), weights (default equal) and a window in seconds (default <c>evaluation.time.window</c>).
/// <see cref="Model"/> narrows the tag's devices to one model (or names a set by model alone); <see cref="All"/> ranks every
/// device of the caller's tenant (the tag and model still narrow it). Devices named by id are always ranked.
/// </summary>
public sealed record QosRankRequest(
    IReadOnlyList<long>? DeviceIds = null,
    string? Group = null,
    IReadOnlyList<string>? Metrics = null,
    IReadOnlyList<double>? Weights = null,
    int? Window = null,
    string? Model = null,
    bool? All = null);

/// <summary>A ranked device: rank from 1, score 0 (best) … 100 (worst), and the breakdown.</summary>
public sealed record QosRankedDeviceDto(int Rank, long DeviceId, string Name, double Score, IReadOnlyList<QosMetricScoreDto> Metrics);

/// <summary>A ranking and the plan it used (normalised weights, window in seconds).</summary>
public sealed record QosRankingDto(IReadOnlyList<QosRankedDeviceDto> Devices, IReadOnlyList<string> Metrics, IReadOnlyList<double> Weights, int Window);

/// <summary>One stored measurement of a device (a batch's statistics); RTT in ms, the rest in percent.</summary>
public sealed record QosMeasurementDto(
    DateTimeOffset Time,
    string Metric,
    double? Minimum,
    double? Maximum,
    double? Mean,
    double? Median,
    double? Current,
    int Count,
    double? LossPercent,
    double? Jitter,
    double? P95,
    bool Failed);
