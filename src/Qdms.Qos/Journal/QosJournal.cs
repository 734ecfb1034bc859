using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Qdms.Core.Qos;

namespace Qdms.Qos.Journal;

/// <summary>
/// The evaluator's log: each entry goes to the process log at once and, in batches, to <c>qos_logs</c> for Arrowhead's
/// <c>general/mgmt/logs</c>. At most <see cref="MaxBuffered"/> entries wait for the database; beyond that the oldest are dropped.
/// </summary>
public sealed partial class QosJournal(TimeProvider time, ILoggerFactory loggers)
{
    public const int MaxBuffered = 10_000;
    private readonly ConcurrentQueue<QosLogEntry> _pending = new();
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new();

    public void Info(string logger, string message) => Write(LogLevel.Information, logger, message, null);

    public void Warn(string logger, string message, Exception? e = null) => Write(LogLevel.Warning, logger, message, e);

    public void Error(string logger, string message, Exception? e = null) => Write(LogLevel.Error, logger, message, e);

    /// <summary>Arrowhead's level names, numbered as <c>qos_logs.level</c> stores them.</summary>
    public static IReadOnlyList<string> Levels { get; } = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"];

    private void Write(LogLevel level, string logger, string message, Exception? e)
    {
        var log = _loggers.GetOrAdd(logger, loggers.CreateLogger);
        LogEntry(log, level, message, e);
        _pending.Enqueue(new QosLogEntry(0, time.GetUtcNow(), LevelName(level), logger, message, e?.GetBaseException().Message));
        while (_pending.Count > MaxBuffered && _pending.TryDequeue(out _))
        {
        }
    }

    /// <summary>Writes the waiting entries; on failure they are kept for the next flush (up to the cap).</summary>
    public async Task FlushAsync(IQosLogStore store, CancellationToken ct)
    {
        var batch = new List<QosLogEntry>();
        while (batch.Count < 1000 && _pending.TryDequeue(out var e))
        {
            batch.Add(e);
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await store.AppendAsync(batch, ct);
        }
        catch
        {
            foreach (var e in batch)
            {
                _pending.Enqueue(e);
            }

            throw;
        }
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARN",
        LogLevel.Error => "ERROR",
        _ => "FATAL",
    };

    [LoggerMessage(EventId = 5000, Message = "{Message}")]
    private static partial void LogEntry(ILogger logger, LogLevel level, string message, Exception? e);
}
