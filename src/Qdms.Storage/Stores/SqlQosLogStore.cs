using Dapper;
using Qdms.Core.Qos;

namespace Qdms.Storage.Stores;

/// <summary>The QoS evaluator's log entries; levels stored as numbers (0 TRACE … 5 FATAL) so a minimum level is a range.</summary>
internal sealed class SqlQosLogStore(QdmsDb db) : IQosLogStore
{
    private static readonly string[] Levels = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"];

    public async Task AppendAsync(IReadOnlyList<QosLogEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0)
        {
            return;
        }

        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO qos_logs (at, level, logger, message, exception) VALUES (@At, @Level, @Logger, @Message, @Exception)",
            entries.Select(e => new { At = Time.ToDb(e.At), Level = LevelNumber(e.Level), e.Logger, e.Message, e.Exception }),
            tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    public async Task<(IReadOnlyList<QosLogEntry> Items, long Total)> ListAsync(QosLogQuery query, int offset, int limit, CancellationToken ct)
    {
        var p = new DynamicParameters();
        var where = "WHERE 1=1";
        if (query.From is { } from)
        {
            where += " AND at >= @from";
            p.Add("from", Time.ToDb(from));
        }

        if (query.To is { } to)
        {
            where += " AND at < @to";
            p.Add("to", Time.ToDb(to));
        }

        if (query.MinimumLevel is { } level)
        {
            where += " AND level >= @level";
            p.Add("level", level);
        }

        if (!string.IsNullOrEmpty(query.Logger))
        {
            where += " AND logger LIKE @logger";
            p.Add("logger", "%" + query.Logger.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%");
        }

        var direction = query.Ascending ? "ASC" : "DESC";
        p.Add("limit", limit);
        p.Add("offset", offset);
        await using var c = await db.OpenAsync(ct);
        var total = await c.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM qos_logs {where}", p, cancellationToken: ct));
        var rows = await c.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT id AS Id, at AS At, level AS Level, logger AS Logger, message AS Message, exception AS Exception
            FROM qos_logs {where} ORDER BY at {direction}, id {direction} LIMIT @limit OFFSET @offset
            """,
            p, cancellationToken: ct));
        return (rows.Select(r => r.ToEntry()).ToList(), total);
    }

    public async Task<long> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync(new CommandDefinition("DELETE FROM qos_logs WHERE at < @cutoff", new { cutoff = Time.ToDb(cutoff) }, cancellationToken: ct));
    }

    /// <summary>The number of an Arrowhead level name (0 TRACE … 5 FATAL).</summary>
    public static int LevelNumber(string level) => Math.Max(0, Array.IndexOf(Levels, level));

    private sealed class Row
    {
        public long Id { get; set; }
        public long At { get; set; }
        public long Level { get; set; }
        public string Logger { get; set; } = "";
        public string Message { get; set; } = "";
        public string? Exception { get; set; }

        public QosLogEntry ToEntry() => new(Id, Time.FromDb(At), Levels[(int)Math.Clamp(Level, 0, Levels.Length - 1)], Logger, Message, Exception);
    }
}
