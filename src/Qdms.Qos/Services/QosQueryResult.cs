using Qdms.Qos.Metrics;

namespace Qdms.Qos.Services;

/// <summary>A page of <c>mgmt/query</c> and the total count; <paramref name="Aggregation"/> says which statistics to show.</summary>
public sealed record QosQueryResult(IReadOnlyList<QosQueryRecord> Records, long Count, IReadOnlyList<QosStatistic> Aggregation);
