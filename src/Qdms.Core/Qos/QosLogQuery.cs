namespace Qdms.Core.Qos;

/// <summary>Filters of the evaluator's log: <paramref name="From"/> inclusive, <paramref name="To"/> exclusive; levels at or above <paramref name="MinimumLevel"/>; logger names containing <paramref name="Logger"/>.</summary>
public sealed record QosLogQuery(DateTimeOffset? From, DateTimeOffset? To, int? MinimumLevel, string? Logger, bool Ascending);
