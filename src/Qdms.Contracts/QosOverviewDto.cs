namespace Qdms.Contracts;

/// <summary>
/// <c>GET /api/v1/qos/overview</c>: the caller's measured devices scored by the default metrics and weights over
/// <see cref="Window"/> seconds — how many fall in each score band, how many have no batch in the window, and the best and
/// worst few with their breakdown.
/// </summary>
public sealed record QosOverviewDto(
    int Window,
    IReadOnlyList<string> Metrics,
    int Measured,
    int NoData,
    IReadOnlyList<QosScoreBandDto> Bands,
    IReadOnlyList<QosRankedDeviceDto> Best,
    IReadOnlyList<QosRankedDeviceDto> Worst);

/// <summary>Devices whose score is in [<see cref="From"/>, <see cref="To"/>) (the last band includes 100).</summary>
public sealed record QosScoreBandDto(double From, double To, int Count);
