using System.Net;
using System.Net.Sockets;
using Qdms.Protocols.Snmp.Client;
using Qdms.Protocols.Snmp.Messages;
using Qdms.Protocols.Snmp.Tests.Peers;

namespace Qdms.Protocols.Snmp.Tests.Client;

/// <summary>Failure paths driven by scripted fake agents on loopback.</summary>
public sealed class SnmpManagerFailureTests : IAsyncLifetime
{
    private static readonly Oid SysName = Oid.Parse("1.3.6.1.2.1.1.5.0");
    private readonly SnmpManager _manager = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _manager.DisposeAsync();

    /// <summary>For tests that expect timeouts: short attempts.</summary>
    private static SnmpTarget Fast(IPEndPoint endPoint, SnmpVersion version = SnmpVersion.V2c) =>
        new(endPoint, version, "public") { Timeout = TimeSpan.FromMilliseconds(300), Retries = 1 };

    /// <summary>For tests that count requests and expect no timeout: attempts long enough for a loaded machine.</summary>
    private static SnmpTarget Patient(IPEndPoint endPoint, SnmpVersion version = SnmpVersion.V2c) =>
        new(endPoint, version, "public") { Timeout = TimeSpan.FromSeconds(10), Retries = 0 };

    [Fact]
    public async Task Walk_stops_with_an_error_when_the_agent_returns_a_non_increasing_oid()
    {
        // Always answers with the same OID: a naive walk would loop forever.
        await using var agent = new FakeAgent(request =>
            [FakeAgent.Response(request, new VarBind(Oid.Parse("1.3.6.1.2.1.1.1.0"), SnmpValue.Integer(1)))]);
        var error = await Assert.ThrowsAsync<SnmpWalkException>(() => _manager.WalkAsync(Patient(agent.EndPoint), Oid.Parse("1.3.6.1.2.1.1")));
        Assert.Equal("1.3.6.1.2.1.1.1.0", error.Returned.ToString());
        Assert.Contains("not increasing", error.Message);
        Assert.Equal(2, agent.Requests);
    }

    [Fact]
    public async Task Garbage_and_responses_to_other_requests_are_counted_and_dropped()
    {
        await using var agent = new FakeAgent(request =>
        [
            [0x30, 0x03, 0x02],                                                                // truncated
            new SnmpMessage(request.Version, request.Community, new SnmpPdu(SnmpPduType.Response,
                ((SnmpPdu)request.Pdu).RequestId + 1, SnmpErrorStatus.NoError, 0, [])).ToArray(), // someone else's id
            new SnmpMessage(request.Version, "other", new SnmpPdu(SnmpPduType.Response,
                ((SnmpPdu)request.Pdu).RequestId, SnmpErrorStatus.NoError, 0, [])).ToArray(),     // right id, wrong community
            FakeAgent.Response(request, new VarBind(SysName, SnmpValue.OctetString("right"))),
        ]);
        var result = await _manager.GetAsync(Patient(agent.EndPoint), [SysName]);
        Assert.Equal("right", Assert.Single(result).Value.AsString());
        Assert.Equal((1L, 2L), (_manager.MalformedDatagrams, _manager.UnmatchedDatagrams));
    }

    [Fact]
    public async Task An_answer_with_the_right_id_from_another_endpoint_is_dropped()
    {
        // The impostor sends a perfect response to the request the manager sent to the real (silent) agent.
        using var impostor = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await using var agent = new FakeAgent(request =>
        {
            impostor.Send(FakeAgent.Response(request, new VarBind(SysName, SnmpValue.OctetString("forged"))), new IPEndPoint(IPAddress.Loopback, _manager.LocalEndPoint.Port));
            return [];
        });
        var error = await Assert.ThrowsAsync<SnmpTimeoutException>(() => _manager.GetAsync(Fast(agent.EndPoint), [SysName]));
        Assert.Equal(2, error.Attempts);
        await Poll.UntilAsync(() => _manager.UnmatchedDatagrams == 2, "both forged answers to be counted as unmatched");
    }

    [Fact]
    public async Task A_lost_first_answer_is_recovered_by_a_retry_with_the_same_request_id()
    {
        var ids = new List<int>();
        await using var agent = new FakeAgent(request =>
        {
            lock (ids)
                ids.Add(((SnmpPdu)request.Pdu).RequestId);
            return ids.Count == 1 ? [] : [FakeAgent.Response(request, new VarBind(SysName, SnmpValue.OctetString("second")))];
        });
        var result = await _manager.GetAsync(Fast(agent.EndPoint) with { Timeout = TimeSpan.FromSeconds(1) }, [SysName]);
        Assert.Equal("second", result[0].Value.AsString());
        Assert.Equal(2, ids.Count);
        Assert.Equal(ids[0], ids[1]);
    }

    [Fact]
    public async Task A_late_answer_to_the_first_attempt_completes_the_request()
    {
        // The agent answers attempt 1 only after attempt 2 has been sent, and never answers attempt 2.
        using var agent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var target = Fast((IPEndPoint)agent.Client.LocalEndPoint!) with { Timeout = TimeSpan.FromMilliseconds(200), Retries = 3 };
        var get = _manager.GetAsync(target, [SysName]);
        var first = await agent.ReceiveAsync();
        var second = await agent.ReceiveAsync();
        Assert.Equal(first.Buffer, second.Buffer);
        Assert.True(SnmpMessage.TryRead(first.Buffer, out var request, out _));
        await agent.SendAsync(FakeAgent.Response(request, new VarBind(SysName, SnmpValue.OctetString("late"))), first.RemoteEndPoint);
        Assert.Equal("late", (await get)[0].Value.AsString());
    }

    [Fact]
    public async Task One_dual_mode_socket_reaches_IPv4_and_IPv6_agents()
    {
        using var v6 = new UdpClient(new IPEndPoint(IPAddress.IPv6Loopback, 0));
        using var v4 = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var gets = new[] { v6, v4 }.Select(agent => _manager.GetAsync(Fast((IPEndPoint)agent.Client.LocalEndPoint!) with { Timeout = TimeSpan.FromSeconds(10) }, [SysName])).ToArray();
        foreach (var (agent, name) in new[] { (v6, "six"), (v4, "four") })
        {
            var received = await agent.ReceiveAsync();
            Assert.True(SnmpMessage.TryRead(received.Buffer, out var request, out _));
            await agent.SendAsync(FakeAgent.Response(request, new VarBind(SysName, SnmpValue.OctetString(name))), received.RemoteEndPoint);
        }
        Assert.Equal(["six", "four"], (await Task.WhenAll(gets)).Select(r => r[0].Value.AsString()));
    }

    [Fact]
    public async Task A_silent_agent_times_out_naming_target_attempts_and_timeout()
    {
        await using var agent = new FakeAgent(_ => []);
        var error = await Assert.ThrowsAsync<SnmpTimeoutException>(() => _manager.GetAsync(Fast(agent.EndPoint) with { Retries = 2 }, [SysName]));
        Assert.Equal(3, error.Attempts);
        await Poll.UntilAsync(() => agent.Requests == 3, "the fake agent to count the third attempt");
        Assert.Contains($"no answer from {agent.EndPoint}", error.Message);
        Assert.Contains("3 attempt(s) of 300 ms", error.Message);
        Assert.Contains("wrong community or agent down", error.Message);
    }

    [Fact]
    public async Task Two_thousand_requests_are_in_flight_at_once_over_one_socket()
    {
        // The agent holds every answer until it has seen all 2,000 requests, so all are provably pending together.
        const int count = 2_000;
        using var agent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        agent.Client.ReceiveBufferSize = 4 * 1024 * 1024;
        var target = Fast((IPEndPoint)agent.Client.LocalEndPoint!) with { Timeout = TimeSpan.FromSeconds(30), Retries = 0 };
        var gets = Enumerable.Range(0, count).Select(i => _manager.GetAsync(target, [SysName.Append((uint)i)])).ToArray();
        var requests = new List<(SnmpMessage Message, IPEndPoint From)>();
        while (requests.Count < count)
        {
            var received = await agent.ReceiveAsync();
            Assert.True(SnmpMessage.TryRead(received.Buffer, out var request, out _));
            requests.Add((request, received.RemoteEndPoint));
        }
        Assert.Equal(count, _manager.RequestsInFlight);
        Assert.Single(requests.Select(r => r.From).Distinct()); // one socket
        foreach (var (request, from) in requests)
            await agent.SendAsync(FakeAgent.Response(request, new VarBind(request.Pdu.VarBinds[0].Oid, SnmpValue.Integer((int)request.Pdu.VarBinds[0].Oid.Arcs.Span[^1]))), from);
        var results = await Task.WhenAll(gets);
        for (var i = 0; i < count; i++)
            Assert.Equal(i, Assert.Single(results[i]).Value.AsInt32());
        Assert.Equal(0, _manager.RequestsInFlight);
    }

    [Fact]
    public async Task Requests_beyond_the_in_flight_limit_wait_for_a_slot()
    {
        await using var manager = new SnmpManager(new SnmpManagerOptions { MaxRequestsInFlight = 3 });
        using var agent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var target = Fast((IPEndPoint)agent.Client.LocalEndPoint!) with { Timeout = TimeSpan.FromSeconds(30), Retries = 0 };
        var gets = Enumerable.Range(0, 5).Select(i => manager.GetAsync(target, [SysName])).ToArray();
        var first = new List<UdpReceiveResult>();
        for (var i = 0; i < 3; i++)
            first.Add(await agent.ReceiveAsync());
        Assert.Equal(3, manager.RequestsInFlight);
        Assert.Equal(0, agent.Available); // the other two are held back
        foreach (var received in first)
        {
            Assert.True(SnmpMessage.TryRead(received.Buffer, out var request, out _));
            await agent.SendAsync(FakeAgent.Response(request, new VarBind(SysName, SnmpValue.Integer(1))), received.RemoteEndPoint);
        }
        for (var i = 0; i < 2; i++)
        {
            var received = await agent.ReceiveAsync();
            Assert.True(SnmpMessage.TryRead(received.Buffer, out var request, out _));
            await agent.SendAsync(FakeAgent.Response(request, new VarBind(SysName, SnmpValue.Integer(1))), received.RemoteEndPoint);
        }
        Assert.All(await Task.WhenAll(gets), r => Assert.Equal(1, r[0].Value.AsInt32()));
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
        var target = Patient(agent.EndPoint, SnmpVersion.V1);
        var walk = await _manager.WalkAsync(target, Oid.Parse("1.3.6.1.2.1.1"));
        Assert.Equal(["1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.2.0"], walk.Select(v => v.Oid.ToString()));
        Assert.Equal(3, agent.Requests);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _manager.GetBulkAsync(target, 0, 5, [Oid.Parse("1.3")]));
    }

    [Fact]
    public async Task Invalid_options_and_targets_are_rejected_naming_the_setting()
    {
        Assert.Equal("Timeout", Assert.Throws<ArgumentOutOfRangeException>(() => new SnmpManager(new SnmpManagerOptions { Timeout = TimeSpan.Zero })).ParamName);
        Assert.Equal("MaxRequestsInFlight", Assert.Throws<ArgumentOutOfRangeException>(() => new SnmpManager(new SnmpManagerOptions { MaxRequestsInFlight = 0 })).ParamName);
        var endPoint = new IPEndPoint(IPAddress.Loopback, 9);
        Assert.Equal("Retries", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _manager.GetAsync(Fast(endPoint) with { Retries = -1 }, [SysName]))).ParamName);
        Assert.Equal("Community", (await Assert.ThrowsAsync<ArgumentException>(() => _manager.GetAsync(new SnmpTarget(endPoint, SnmpVersion.V2c), [SysName]))).ParamName);
        Assert.Equal("User", (await Assert.ThrowsAsync<ArgumentException>(() => _manager.GetAsync(new SnmpTarget(endPoint, SnmpVersion.V3), [SysName]))).ParamName);
    }
}
