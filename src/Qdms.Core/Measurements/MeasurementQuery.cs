namespace Qdms.Core.Measurements;

/// <summary>Which measurements to read: <paramref name="From"/> inclusive, <paramref name="To"/> exclusive; null lists mean all.</summary>
public sealed record MeasurementQuery(
    IReadOnlyList<long>? DeviceIds,
    IReadOnlyList<string>? Metrics,
    DateTimeOffset From,
    DateTimeOffset To);
