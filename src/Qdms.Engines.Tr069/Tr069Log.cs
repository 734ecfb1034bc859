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

    [LoggerMessage(3040, LogLevel.Warning, "CPE {Device} sent no TransferComplete for its {Method} of task {TaskId} within {Seconds} s; the task failed (timeout)")]
    public static partial void TransferTimedOut(ILogger logger, string device, string method, long taskId, int seconds);

    [LoggerMessage(3041, LogLevel.Warning, "CPE {Device} sent TransferComplete for task {TaskId}, which is already {Status}; acknowledged and recorded as an event")]
    public static partial void LateTransfer(ILogger logger, string device, long taskId, string status);

    [LoggerMessage(3042, LogLevel.Warning, "Upload to the ACS from {Remote} refused with {Status}: {Reason}")]
    public static partial void UploadRefused(ILogger logger, string remote, int status, string reason);

    [LoggerMessage(3043, LogLevel.Information, "CPE {Device} uploaded file {FileId} ({Size} bytes) for task {TaskId}")]
    public static partial void Uploaded(ILogger logger, string device, long fileId, long size, long taskId);

    [LoggerMessage(3044, LogLevel.Warning, "CPE {Device} answered with cwmp:ID {Got} while the ACS awaited {Expected} ({Method}); the task failed")]
    public static partial void WrongId(ILogger logger, string device, string got, string expected, string method);

    [LoggerMessage(3045, LogLevel.Warning, "CPE {Device} sent {Method} (cwmp:ID {Id}) while the ACS awaited no answer; ignored")]
    public static partial void Unasked(ILogger logger, string device, string method, string id);

    [LoggerMessage(3046, LogLevel.Warning, "CPE {Device} sent {Method} while the ACS held its requests (HoldRequests); answered 8005")]
    public static partial void HeldRequest(ILogger logger, string device, string method);

    [LoggerMessage(3050, LogLevel.Warning, "A group commit of {Count} Informs failed; writing them one by one")]
    public static partial void BatchFailed(ILogger logger, Exception exception, int count);
}
