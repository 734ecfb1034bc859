using System.Diagnostics;
using System.Net;
using System.Text;
using Qdms.Protocols.Snmp.Client;
using Qdms.Protocols.Snmp.Messages;
using Qdms.Protocols.Snmp.Security;

namespace Qdms.Protocols.Snmp.Notifications;

public sealed partial class SnmpNotificationReceiver
{
    // RFC 3414 §2.2.3: a message is in the time window when boots match and time is within 150 seconds.
    private const int TimeWindowSeconds = 150;
    private const int EngineBoots = 1;

    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private Dictionary<string, UsmUser> _users = [];
    private uint _reportCounter;

    private int EngineTime => (int)Math.Min(int.MaxValue, Stopwatch.GetElapsedTime(_startedAt).TotalSeconds);

    private void InitialiseV3() => _users = _options.Users.ToDictionary(u => u.Name, StringComparer.Ordinal);

    /// <summary>
    /// A v3 notification (RFC 3414 §3.2). A trap's authoritative engine is the sender, so the user's keys are
    /// localized to the message's engine id; an inform's is us, so its engine id must be ours, its time within our
    /// window, and it is acknowledged under our engine id. Discovery probes (an empty engine id) get the
    /// usmStatsUnknownEngineIDs report with our id, boots and time (§4); other failures of reportable messages get the
    /// usmStats report that names them, and are counted as rejected.
    /// </summary>
    private async Task HandleV3Async(ReadOnlyMemory<byte> datagram, IPEndPoint source)
    {
        if (!SnmpV3Message.TryRead(datagram.Span, out var message, out var authOffset, out var error))
        {
            Reject(source, error);
            return;
        }
        var security = message.Security;
        var reportable = (message.Flags & SnmpV3Flags.Reportable) != 0;
        if (security.EngineId.Length == 0)
        {
            if (reportable)
                await ReportAsync(message, source, SnmpAuthFailure.UnknownEngineId, UsmLocalizedKeys.Anonymous);
            else
                Reject(source, "a v3 message without an engine id that asks for no report");
            return;
        }
        var userName = security.UserNameText;
        if (!_users.TryGetValue(userName, out var user))
        {
            await FailAsync(message, source, SnmpAuthFailure.UnknownUserName, UsmLocalizedKeys.Anonymous, $"unknown v3 user '{userName}'");
            return;
        }
        var ours = security.EngineId.Span.SequenceEqual(EngineId);
        var keys = UsmLocalizedKeys.For(user, security.EngineId.Span);
        if (UsmMessages.TryOpen(datagram.Span, message, authOffset, keys, out var scoped) is { } failure)
        {
            await FailAsync(message, source, failure, UsmLocalizedKeys.Anonymous, $"v3 user '{userName}': {failure}");
            return;
        }
        var level = message.Flags & (SnmpV3Flags.Auth | SnmpV3Flags.Priv);
        if (level != keys.LevelFlags)
        {
            await FailAsync(message, source, SnmpAuthFailure.UnsupportedSecurityLevel, UsmLocalizedKeys.Anonymous,
                $"v3 user '{userName}' sent at a level other than its own");
            return;
        }
        if (ours && (level & SnmpV3Flags.Auth) != 0 &&
            (security.EngineBoots != EngineBoots || Math.Abs((long)security.EngineTime - EngineTime) > TimeWindowSeconds))
        {
            await FailAsync(message, source, SnmpAuthFailure.NotInTimeWindow, keys with { PrivKey = null }, $"v3 user '{userName}': not in time window");
            return;
        }
        var pdu = scoped.Pdu;
        if (pdu.Type == SnmpPduType.InformRequest && !ours)
        {
            await FailAsync(message, source, SnmpAuthFailure.UnknownEngineId, UsmLocalizedKeys.Anonymous,
                $"a v3 inform from user '{userName}' for engine {Convert.ToHexString(security.EngineId.Span)}, not ours");
            return;
        }
        if (!TryNotification(pdu, source, SnmpVersion.V3, out var notification, out var why))
        {
            Reject(source, why);
            return;
        }
        await DeliverAsync(notification with { UserName = userName, EngineId = security.EngineId.ToArray() });
        if (pdu.Type == SnmpPduType.InformRequest)
            await SendAsync(UsmMessages.Encode(message.MessageId, reportable: false, keys, security.UserName, EngineId, EngineBoots, EngineTime,
                scoped with { Pdu = Acknowledgement(pdu) }), source);
    }

    private async Task FailAsync(SnmpV3Message message, IPEndPoint source, SnmpAuthFailure failure, UsmLocalizedKeys reportKeys, string reason)
    {
        Reject(source, reason);
        if ((message.Flags & SnmpV3Flags.Reportable) != 0)
            await ReportAsync(message, source, failure, reportKeys);
    }

    /// <summary>
    /// A Report-PDU naming the usmStats counter (RFC 3412 §7.1.3.c, RFC 3414 §3.2): same msgID, our engine id, boots
    /// and time; authenticated when <paramref name="keys"/> can (a notInTimeWindow report must be, §3.2.7.a).
    /// </summary>
    private async Task ReportAsync(SnmpV3Message request, IPEndPoint source, SnmpAuthFailure failure, UsmLocalizedKeys keys)
    {
        if (failure != SnmpAuthFailure.NotInTimeWindow)
            keys = UsmLocalizedKeys.Anonymous; // the sender's keys are unknown or wrong: it could not check our MAC
        var requestId = request.ScopedPdu?.Pdu.RequestId ?? 0;
        var report = new SnmpPdu(SnmpPduType.Report, requestId, SnmpErrorStatus.NoError, 0,
            [new VarBind(UsmMessages.ReportOid(failure), SnmpValue.Counter32(Interlocked.Increment(ref _reportCounter)))]);
        var userName = keys.AuthKey is null ? default : request.Security.UserName;
        if (keys.AuthKey is not null)
            keys = UsmLocalizedKeys.For(keys.User, EngineId) with { PrivKey = null };
        await SendAsync(UsmMessages.Encode(request.MessageId, reportable: false, keys, userName, EngineId, EngineBoots, EngineTime,
            new ScopedPdu(EngineId, request.ScopedPdu?.ContextName ?? Encoding.UTF8.GetBytes(""), report)), source);
    }
}
