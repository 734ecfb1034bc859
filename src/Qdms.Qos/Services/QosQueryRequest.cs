namespace Qdms.Qos.Services;

/// <summary>Arrowhead's <c>mgmt/query</c> filters, as given (checked by <see cref="QosManagementService.QueryAsync"/>).</summary>
/// <param name="Page">From 0.</param>
public sealed record QosQueryRequest(
    string? MetricGroup,
    DateTimeOffset? From,
    DateTimeOffset? To,
    IReadOnlyList<string>? Aggregation,
    IReadOnlyList<string>? SystemNames,
    int? Page,
    int? Size,
    string? Direction,
    string? SortField);
