namespace Qdms.Engines.Tr069.ConnectionRequests;

/// <summary>
/// One way of asking a CPE to open a session now: an HTTP GET to its ConnectionRequestURL (TR-069 §3.2.2) or an XMPP
/// <c>connectionRequest</c> iq to its JID (TR-069 Annex K).
/// </summary>
internal interface IConnectionRequestChannel
{
    /// <summary>The channel's name as the API reports it: <c>http</c> or <c>xmpp</c>.</summary>
    string Name { get; }

    /// <summary>Whether this channel can reach <paramref name="target"/> (it has the URL or JID the channel needs).</summary>
    bool CanReach(ConnectionRequestTarget target);

    /// <summary>
    /// Sends the request and returns once the CPE (or its XMPP server) accepted it; the session itself follows on the CPE's own
    /// connection. Throws <see cref="ConnectionRequestException"/> with a reason an operator can act on when it did not.
    /// </summary>
    Task SendAsync(ConnectionRequestTarget target, CancellationToken ct);
}
