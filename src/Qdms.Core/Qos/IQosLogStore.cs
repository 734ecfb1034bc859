namespace Qdms.Core.Qos;

/// <summary>The evaluator's log entries (table <c>qos_logs</c>).</summary>
public interface IQosLogStore
{
    Task AppendAsync(IReadOnlyList<QosLogEntry> entries, CancellationToken ct);

    /// <summary>One page of matching entries ordered by time, with the total.</summary>
    Task<(IReadOnlyList<QosLogEntry> Items, long Total)> ListAsync(QosLogQuery query, int offset, int limit, CancellationToken ct);

    /// <summary>Deletes entries older than <paramref name="cutoff"/>; returns how many.</summary>
    Task<long> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken ct);
}
