using Microsoft.Extensions.Logging;

namespace Qdms.Engines.Tr069.ConnectionRequests;

/// <summary>Connection request log messages (event ids 3150–3169 of the tr069 range). Credentials are never logged.</summary>
internal static partial class ConnectionRequestLog
{
    [LoggerMessage(3150, LogLevel.Debug, "Connection request to device {Device} over {Channel} accepted")]
    public static partial void Sent(ILogger logger, long device, string channel);

    [LoggerMessage(3151, LogLevel.Information, "Connection request to device {Device} over {Channel} failed: {Reason}")]
    public static partial void Failed(ILogger logger, long device, string channel, string reason);

    [LoggerMessage(3152, LogLevel.Debug, "Connection request to {Authority} could not connect: {Reason}")]
    public static partial void Unreachable(ILogger logger, string authority, string reason);
}
