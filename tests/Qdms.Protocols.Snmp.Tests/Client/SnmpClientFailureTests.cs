using Qdms.Protocols.Snmp.Client;
using Qdms.Protocols.Snmp.Messages;
using Qdms.Protocols.Snmp.Tests.Peers;

namespace Qdms.Protocols.Snmp.Tests.Client;

public sealed class SnmpClientFailureTests
{
    private static readonly SnmpClientOptions Fast = new() { Timeout = TimeSpan.FromMilliseconds(300), Retries = 1 };

    [Fact]
    public async Task Walk_stops_with_an_error_when_the_agent_returns_a_non_increasing_oid()
    {
        // Always answers with the same OID: a naive walk would loop forever.
        await using var agent = new FakeAgent(request =>
            [FakeAgent.Response(request, new VarBind(Oid.Parse("1.3.6.1.2.1.1.1.0"), SnmpValue.Integer(1)))]);
        await using var client = new SnmpClient(agent.EndPoint, Fast);
        var error = await Assert.ThrowsAsync<SnmpWalkException>(() => client.WalkAsync(Oid.Parse("1.3.6.1.2.1.1")));
        Assert.Equal("1.3.6.1.2.1.1.1.0", error.Returned.ToString());
        Assert.Contains("not increasing", error.Message);
        Assert.Equal(2, agent.Requests);
    }

    [Fact]
    public async Task Garbage_and_responses_to_other_requests_are_ignored()
    {
        await using var agent = new FakeAgent(request =>
        [
            [0x30, 0x03, 0x02],                                                                // truncated
            new SnmpMessage(request.Version, request.Community, new SnmpPdu(SnmpPduType.Response,
                ((SnmpPdu)request.Pdu).RequestId + 1, SnmpErrorStatus.NoError, 0, [])).ToArray(), // someone else's id
            FakeAgent.Response(request, new VarBind(Oid.Parse("1.3.6.1.2.1.1.5.0"), SnmpValue.OctetString("right"))),
        ]);
        await using var client = new SnmpClient(agent.EndPoint, Fast);
        var result = await client.GetAsync([Oid.Parse("1.3.6.1.2.1.1.5.0")]);
        Assert.Equal("right", Assert.Single(result).Value.AsString());
    }

    [Fact]
    public async Task A_lost_first_answer_is_recovered_by_a_retry()
    {
        var seen = 0;
        await using var agent = new FakeAgent(request => Interlocked.Increment(ref seen) == 1
            ? []
            : [FakeAgent.Response(request, new VarBind(Oid.Parse("1.3.6.1.2.1.1.5.0"), SnmpValue.OctetString("second")))]);
        await using var client = new SnmpClient(agent.EndPoint, Fast);
        var result = await client.GetAsync([Oid.Parse("1.3.6.1.2.1.1.5.0")]);
        Assert.Equal("second", result[0].Value.AsString());
        Assert.Equal(2, agent.Requests);
    }

    [Fact]
    public async Task A_silent_agent_times_out_naming_target_attempts_and_timeout()
    {
        await using var agent = new FakeAgent(_ => []);
        await using var client = new SnmpClient(agent.EndPoint, Fast with { Retries = 2 });
        var error = await Assert.ThrowsAsync<SnmpTimeoutException>(() => client.GetAsync([Oid.Parse("1.3.6.1.2.1.1.5.0")]));
        Assert.Equal(3, error.Attempts);
        Assert.Equal(3, agent.Requests);
        Assert.Contains(agent.EndPoint.ToString(), error.Message);
        Assert.Contains("3 attempt(s) of 300 ms", error.Message);
    }

    [Fact]
    public async Task A_v1_walk_ends_at_noSuchName()
    {
        // RFC 1157 §4.1.3: past the last object a v1 agent answers GetNext with noSuchName.
        await using var agent = new FakeAgent(request =>
        {
            var pdu = (SnmpPdu)request.Pdu;
            var next = pdu.VarBinds[0].Oid == Oid.Parse("1.3.6.1.2.1.1") ? Oid.Parse("1.3.6.1.2.1.1.1.0")
                : pdu.VarBinds[0].Oid == Oid.Parse("1.3.6.1.2.1.1.1.0") ? Oid.Parse("1.3.6.1.2.1.1.2.0") : null;
            return next is null
                ? [new SnmpMessage(SnmpVersion.V1, request.Community, new SnmpPdu(SnmpPduType.Response, pdu.RequestId, SnmpErrorStatus.NoSuchName, 1, pdu.VarBinds)).ToArray()]
                : [FakeAgent.Response(request, new VarBind(next, SnmpValue.Integer(1)))];
        });
        await using var client = new SnmpClient(agent.EndPoint, Fast with { Version = SnmpVersion.V1 });
        var walk = await client.WalkAsync(Oid.Parse("1.3.6.1.2.1.1"));
        Assert.Equal(["1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.2.0"], walk.Select(v => v.Oid.ToString()));
        Assert.Equal(3, agent.Requests);
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetBulkAsync(0, 5, [Oid.Parse("1.3")]));
    }

    [Fact]
    public void Invalid_options_are_rejected_naming_the_setting()
    {
        var target = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 9);
        Assert.Equal("Timeout", Assert.Throws<ArgumentOutOfRangeException>(() => new SnmpClient(target, Fast with { Timeout = TimeSpan.Zero })).ParamName);
        Assert.Equal("Retries", Assert.Throws<ArgumentOutOfRangeException>(() => new SnmpClient(target, Fast with { Retries = -1 })).ParamName);
    }
}
