using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Qdms.Server.Tests.Tr069;

/// <summary>Every log entry of the app from the moment it is added (as category, event id, message), for "logged once" checks.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<(string Category, int EventId, string Message)> Entries { get; } = new();

    /// <summary>Adds a capture to the app's logger factory (existing loggers pick it up too).</summary>
    public static CapturedLogs AttachTo(IServiceProvider services)
    {
        var logs = new CapturedLogs();
        ((ILoggerFactory)services.GetService(typeof(ILoggerFactory))!).AddProvider(logs);
        return logs;
    }

    /// <summary>How many entries of <paramref name="eventId"/> mention <paramref name="text"/>.</summary>
    public int Count(int eventId, string text) => Entries.Count(e => e.EventId == eventId && e.Message.Contains(text, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                logs.Entries.Enqueue((category, eventId.Id, formatter(state, exception)));
            }
        }
    }
}
