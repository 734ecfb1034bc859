using Microsoft.Extensions.Logging;

namespace Qdms.Engines.Tr069;

/// <summary>The tr069 engine's log messages (event ids 3000–3099).</summary>
internal static partial class Tr069Log
{
    [LoggerMessage(3000, LogLevel.Information, "TR-069 engine {Engine} listens on {Listen}")]
    public static partial void Started(ILogger logger, string engine, string listen);

    [LoggerMessage(3001, LogLevel.Warning, "CWMP request from {Remote} refused with {Status}: {Reason}")]
    public static partial void Refused(ILogger logger, string remote, int status, string reason);

    [LoggerMessage(3002, LogLevel.Information, "CWMP session {Session} of {Device} from {Remote} refused: the device already has a session")]
    public static partial void Busy(ILogger logger, string session, string device, string remote);

    [LoggerMessage(3003, LogLevel.Warning, "CWMP session of {Device} dropped: {Reason}")]
    public static partial void Abandoned(ILogger logger, string device, string reason);

    [LoggerMessage(3004, LogLevel.Warning, "CPE {Device} sent {Method}, which the ACS does not support; answered 8000")]
    public static partial void Unsupported(ILogger logger, string device, string method);

    [LoggerMessage(3005, LogLevel.Error, "CWMP request of {Device} failed (500)")]
    public static partial void Failed(ILogger logger, Exception exception, string device);

    [LoggerMessage(3050, LogLevel.Warning, "A group commit of {Count} Informs failed; writing them one by one")]
    public static partial void BatchFailed(ILogger logger, Exception exception, int count);
}
