using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Qdms.Protocols.Snmp.Messages;
using Qdms.Protocols.Snmp.Security;

namespace Qdms.Protocols.Snmp.Client;

public sealed partial class SnmpManager
{
    private readonly ConcurrentDictionary<IPEndPoint, EngineState> _engines = new();
    private readonly ConcurrentDictionary<IPEndPoint, Lazy<Task<EngineState>>> _discoveries = new();
    private int _discoveryCount;
    private int _resynchronisations;

    /// <summary>How many discovery exchanges have run (concurrent requests to a new agent share one).</summary>
    internal int DiscoveryCount => Volatile.Read(ref _discoveryCount);

    /// <summary>How many times a notInTimeWindow report re-synchronised an engine's boots and time.</summary>
    internal int Resynchronisations => Volatile.Read(ref _resynchronisations);

    /// <summary>Overrides what is known of an agent's engine (tests drive re-synchronisation and rediscovery with it).</summary>
    internal void SetEngine(IPEndPoint endPoint, byte[] engineId, int boots, int time) =>
        _engines[Normalize(endPoint)] = EngineState.Learn(engineId, boots, time);

    /// <summary>The engine id learnt for <paramref name="endPoint"/>, null before discovery.</summary>
    internal byte[]? KnownEngineId(IPEndPoint endPoint) => _engines.TryGetValue(Normalize(endPoint), out var engine) ? engine.EngineId : null;

    /// <summary>
    /// A v3 request (RFC 3412 §7.1, RFC 3414 §3.1): discovers the agent's engine id, boots and time first when they are
    /// not known (§4), re-synchronises once on notInTimeWindow and rediscovers once on unknownEngineID; any other
    /// usmStats report becomes an <see cref="SnmpAuthenticationException"/> naming it.
    /// </summary>
    private async Task<SnmpPdu> ExchangeV3Async(SnmpTarget target, Func<int, SnmpPdu> build, CancellationToken cancellationToken)
    {
        var user = target.User!;
        var endPoint = Normalize(target.EndPoint);
        var userName = Encoding.UTF8.GetBytes(user.Name);
        var contextName = Encoding.UTF8.GetBytes(target.ContextName);
        bool resynchronised = false, rediscovered = false;
        while (true)
        {
            if (!_engines.TryGetValue(endPoint, out var engine))
                engine = await DiscoverOnceAsync(target, endPoint, cancellationToken);
            var keys = engine.KeysFor(user);
            SnmpReply reply;
            try
            {
                reply = await SendAsync(target, null, keys, id => UsmMessages.Encode(id, reportable: true, keys, userName, engine.EngineId,
                    engine.Boots, engine.TimeNow, new ScopedPdu(engine.EngineId, contextName, build(id))), cancellationToken);
            }
            catch (SnmpTimeoutException) when (keys.PrivKey is not null)
            {
                if (await AnswersAuthenticatedAsync(target, keys, userName, engine, contextName, cancellationToken))
                    throw new SnmpAuthenticationException(SnmpAuthFailure.DecryptionError, target.EndPoint, user.Name);
                throw;
            }
            if (reply.Pdu.Type != SnmpPduType.Report)
                return reply.Pdu;
            var reason = UsmMessages.ReportReason(reply.Pdu);
            if (reason == SnmpAuthFailure.NotInTimeWindow && !resynchronised && reply.Security is { } security &&
                security.EngineId.Span.SequenceEqual(engine.EngineId))
            {
                // RFC 3414 §4: the report carries the engine's current boots and time.
                resynchronised = true;
                Interlocked.Increment(ref _resynchronisations);
                _engines[endPoint] = EngineState.Learn(engine.EngineId, security.EngineBoots, security.EngineTime);
                continue;
            }
            if (reason == SnmpAuthFailure.UnknownEngineId && !rediscovered)
            {
                rediscovered = true;
                _engines.TryRemove(endPoint, out _);
                continue;
            }
            if (reason is { } failure)
                throw new SnmpAuthenticationException(failure, target.EndPoint, user.Name);
            throw new SnmpReportException(target.EndPoint, reply.Pdu.VarBinds.Count > 0 ? reply.Pdu.VarBinds[0].Oid : UsmMessages.UsmStats);
        }
    }

    /// <summary>
    /// An agent that cannot decrypt a request drops it silently (net-snmp counts a parse error), so a timed-out authPriv
    /// request is followed by an authNoPriv probe (two attempts): an authenticated answer (a Response, or the unsupportedSecLevel
    /// Report an authPriv-only user gets) proves the agent is up and the authentication key right, so the privacy key is wrong.
    /// </summary>
    private async Task<bool> AnswersAuthenticatedAsync(SnmpTarget target, UsmLocalizedKeys keys, byte[] userName, EngineState engine,
        byte[] contextName, CancellationToken cancellationToken)
    {
        var authOnly = keys with { PrivKey = null };
        try
        {
            var reply = await SendAsync(target with { Retries = 1 }, null, authOnly, id => UsmMessages.Encode(id, reportable: true, authOnly,
                userName, engine.EngineId, engine.Boots, engine.TimeNow, new ScopedPdu(engine.EngineId, contextName, SnmpPdu.GetRequest(id))),
                cancellationToken);
            return reply.Pdu.Type == SnmpPduType.Response || UsmMessages.ReportReason(reply.Pdu) is SnmpAuthFailure.UnsupportedSecurityLevel;
        }
        catch (SnmpException)
        {
            return false;
        }
    }

    // Requests that find the engine unknown together share one discovery; a failed one is forgotten so the next retries.
    private async Task<EngineState> DiscoverOnceAsync(SnmpTarget target, IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        var discovery = _discoveries.GetOrAdd(endPoint, _ => new Lazy<Task<EngineState>>(() => DiscoverAsync(target, endPoint, CancellationToken.None)));
        try
        {
            return await discovery.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            if (discovery.Value.IsCompleted)
                _discoveries.TryRemove(new KeyValuePair<IPEndPoint, Lazy<Task<EngineState>>>(endPoint, discovery));
        }
    }

    /// <summary>
    /// Engine discovery (RFC 3414 §4): a noAuthNoPriv request with an empty engine id and user name; the agent's
    /// Report carries its snmpEngineID, boots and time.
    /// </summary>
    private async Task<EngineState> DiscoverAsync(SnmpTarget target, IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _discoveryCount);
        var reply = await SendAsync(target, null, UsmLocalizedKeys.Anonymous, id => UsmMessages.Encode(id, reportable: true,
            UsmLocalizedKeys.Anonymous, default, default, 0, 0, new ScopedPdu(default, default, SnmpPdu.GetRequest(id))), cancellationToken);
        if (reply.Pdu.Type != SnmpPduType.Report || reply.Security is not { EngineId.Length: > 0 } security)
            throw new SnmpReportException(target.EndPoint, reply.Pdu.VarBinds.Count > 0 ? reply.Pdu.VarBinds[0].Oid : UsmMessages.UsmStats);
        var engine = EngineState.Learn(security.EngineId.ToArray(), security.EngineBoots, security.EngineTime);
        _engines[endPoint] = engine;
        return engine;
    }

    /// <summary>
    /// Matches a v3 answer by msgID and source, then checks it with the keys the request went out with (RFC 3414 §3.2):
    /// an answer that fails is dropped and remembered, so a request that gets no good answer reports why.
    /// </summary>
    private void DispatchV3(ReadOnlySpan<byte> datagram, IPEndPoint source)
    {
        if (!SnmpV3Message.TryRead(datagram, out var message, out var authOffset, out _))
        {
            Interlocked.Increment(ref _malformed);
            return;
        }
        if (!_pending.TryGetValue(message.MessageId, out var pending) || !pending.EndPoint.Equals(source) || pending.Keys is not { } keys)
        {
            Interlocked.Increment(ref _unmatched);
            return;
        }
        if (UsmMessages.TryOpen(datagram, message, authOffset, keys, out var scoped) is { } failure)
        {
            pending.LastFailure = failure;
            Interlocked.Increment(ref _unmatched);
            return;
        }
        var level = message.Flags & (SnmpV3Flags.Auth | SnmpV3Flags.Priv);
        // A Response comes at the request's level; a Report may come lower (RFC 3412 §7.2.11).
        if (scoped.Pdu.Type == SnmpPduType.Report ||
            (scoped.Pdu.Type == SnmpPduType.Response && level == keys.LevelFlags))
        {
            if (pending.Completion.TrySetResult(new SnmpReply(scoped.Pdu, message.Security)))
                return;
        }
        Interlocked.Increment(ref _unmatched);
    }
}
