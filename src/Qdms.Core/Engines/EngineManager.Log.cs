using Microsoft.Extensions.Logging;

namespace Qdms.Core.Engines;

/// <summary>Event ids 300–319 belong to the engine manager.</summary>
public sealed partial class EngineManager
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Engine {Type}/{Alias} (index {Index}) started")]
    private static partial void LogStarted(ILogger logger, string type, string alias, int index);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "Engine {Type}/{Alias} (index {Index}) failed to start: {Error}")]
    private static partial void LogStartFailed(ILogger logger, Exception e, string type, string alias, int index, string error);

    [LoggerMessage(EventId = 302, Level = LogLevel.Information, Message = "Engine {Type}/{Alias} (index {Index}) stopped")]
    private static partial void LogStopped(ILogger logger, string type, string alias, int index);

    [LoggerMessage(EventId = 303, Level = LogLevel.Warning, Message = "Engine {Type}/{Alias} (index {Index}) failed to stop cleanly")]
    private static partial void LogStopFailed(ILogger logger, Exception e, string type, string alias, int index);

    [LoggerMessage(EventId = 304, Level = LogLevel.Error, Message = "Could not record the state of engine {Type}/{Alias}")]
    private static partial void LogPersistFailed(ILogger logger, Exception e, string type, string alias);

    [LoggerMessage(EventId = 305, Level = LogLevel.Information, Message = "QDMS service started: {Running} of {Count} engine(s) running")]
    private static partial void LogServiceStarted(ILogger logger, int running, int count);

    [LoggerMessage(EventId = 306, Level = LogLevel.Information, Message = "QDMS service stopped: every engine and component is stopped")]
    private static partial void LogServiceStopped(ILogger logger);

    [LoggerMessage(EventId = 307, Level = LogLevel.Warning, Message = "Service component {Component} failed to {Action}")]
    private static partial void LogComponentFailed(ILogger logger, Exception e, string component, string action);
}
