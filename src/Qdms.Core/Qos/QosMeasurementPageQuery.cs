namespace Qdms.Core.Qos;

/// <summary>
/// One metric's measurements of some devices (all in scope when <paramref name="DeviceIds"/> is null) between
/// <paramref name="From"/> (inclusive) and <paramref name="To"/> (exclusive), ordered by time (or id) in either direction.
/// </summary>
public sealed record QosMeasurementPageQuery(
    string Metric,
    IReadOnlyList<long>? DeviceIds,
    DateTimeOffset From,
    DateTimeOffset To,
    bool Descending,
    bool OrderById);
