namespace Qdms.Core.Events;

/// <summary>Filters for listing events; null means no filter. <paramref name="From"/> is inclusive, <paramref name="To"/> exclusive.</summary>
/// <param name="UnknownSourceOnly">Only events whose source matched no device.</param>
public sealed record DeviceEventQuery(
    long? DeviceId = null,
    string? Source = null,
    string? Type = null,
    EventSeverity? MinSeverity = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    bool UnknownSourceOnly = false);
