using Microsoft.Extensions.Logging;

namespace Qdms.Engines.Tr069.ConnectionRequests;

/// <summary>The XMPP connection-request channel's log messages (tr069 event ids 3090–3099). Never the password.</summary>
internal static partial class XmppChannelLog
{
    [LoggerMessage(3090, LogLevel.Information, "XMPP connection requests: signed in to {Server} as {Jid} ({Mechanism}, TLS {Tls})")]
    public static partial void SignedIn(ILogger logger, string server, string jid, string mechanism, bool tls);

    [LoggerMessage(3091, LogLevel.Warning, "XMPP connection requests: cannot sign in to {Server} as {Jid}, retrying in {Delay}: {Reason}")]
    public static partial void SignInFailed(ILogger logger, string server, string jid, TimeSpan delay, string reason);

    [LoggerMessage(3092, LogLevel.Warning, "XMPP connection requests: the stream to {Server} ended ({Reason}); reconnecting")]
    public static partial void Dropped(ILogger logger, string server, string reason);

    [LoggerMessage(3093, LogLevel.Information, "XMPP connection request to {Cpe} refused: {Condition}")]
    public static partial void Refused(ILogger logger, string cpe, string condition);
}
