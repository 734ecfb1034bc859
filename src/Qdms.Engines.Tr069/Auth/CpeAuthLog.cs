using Microsoft.Extensions.Logging;

namespace Qdms.Engines.Tr069.Auth;

/// <summary>The log messages of CPE authentication (event ids 3070–3079 of the tr069 range). Never a password or a Digest response.</summary>
internal static partial class CpeAuthLog
{
    [LoggerMessage(3070, LogLevel.Warning, "CPE {Device} from {Remote} refused (401) as user '{User}': {Reason}")]
    public static partial void Refused(ILogger logger, string device, string remote, string user, string reason);

    [LoggerMessage(3071, LogLevel.Warning, "CPE {Device} from {Remote} refused (403): user '{User}' belongs to device {Owner}, which {Why}")]
    public static partial void Mismatch(ILogger logger, string device, string remote, string user, long owner, string why);

    [LoggerMessage(3072, LogLevel.Debug, "CPE {Device} from {Remote} challenged ({Mode}, stale={Stale})")]
    public static partial void Challenged(ILogger logger, string device, string remote, string mode, bool stale);

    [LoggerMessage(3073, LogLevel.Warning, "CPE {Device} from {Remote}: a Digest answer seen before (replayed, or the replay guard is full); challenged again")]
    public static partial void Replayed(ILogger logger, string device, string remote);

    [LoggerMessage(3074, LogLevel.Information, "TR-069 engine {Engine} speaks HTTPS with the certificate {Subject} (expires {Expires:u})")]
    public static partial void Https(ILogger logger, string engine, string subject, DateTime expires);
}
