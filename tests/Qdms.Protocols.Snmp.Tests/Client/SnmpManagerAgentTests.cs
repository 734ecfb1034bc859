using System.Globalization;
using Qdms.Protocols.Snmp.Client;
using Qdms.Protocols.Snmp.Messages;
using Qdms.Protocols.Snmp.Tests.Peers;
using Qdms.Testing;
using Xunit.Abstractions;

namespace Qdms.Protocols.Snmp.Tests.Client;

/// <summary>The manager against a real net-snmp agent (tests/peers/snmpd.sh), compared with net-snmp's own tools.</summary>
[Collection(SnmpdCollection.Name)]
public sealed class SnmpManagerAgentTests(SnmpdAgent agent, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly SnmpManager _manager = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _manager.DisposeAsync();

    private static readonly Oid System = Oid.Parse("1.3.6.1.2.1.1");
    private static readonly Oid SysDescr = Oid.Parse("1.3.6.1.2.1.1.1.0");
    private static readonly Oid SysContact = Oid.Parse("1.3.6.1.2.1.1.4.0");
    private static readonly Oid SysName = Oid.Parse("1.3.6.1.2.1.1.5.0");

    private SnmpTarget Target(string community = "public", SnmpVersion version = SnmpVersion.V2c) =>
        new(agent.EndPoint, version, community) { Timeout = TimeSpan.FromSeconds(2) };

    [Fact]
    public async Task Get_returns_sysName_and_sysDescr()
    {
        var target = Target();
        var result = await _manager.GetAsync(target, [SysName, SysDescr]);
        Assert.Equal("qdms-snmp-peer", result[0].Value.AsString());
        var expected = agent.NetSnmp("snmpget", "-v2c", "-On", "-Oe", "-c", "public", $"127.0.0.1:{agent.Port}", SysDescr.ToString());
        Assert.True(NetSnmpVarBind.ParseWalk(expected)[0].Matches(result[1].Value), $"{result[1]} vs {expected}");
    }

    [Fact]
    public async Task V1_get_of_a_missing_object_throws_noSuchName_naming_the_oid()
    {
        var target = Target(version: SnmpVersion.V1);
        Assert.Equal("qdms-snmp-peer", (await _manager.GetAsync(target, [SysName]))[0].Value.AsString());
        var missing = Oid.Parse("1.3.6.1.2.1.1.99.0");
        var error = await Assert.ThrowsAsync<SnmpErrorException>(() => _manager.GetAsync(target, [SysName, missing]));
        Assert.Equal((SnmpErrorStatus.NoSuchName, 2, missing), (error.Status, error.Index, error.Oid));
        Assert.Contains("NoSuchName", error.Message);
        Assert.Contains(missing.ToString(), error.Message);
    }

    [Fact]
    public async Task V2c_get_of_a_missing_object_returns_an_exception_value()
    {
        var target = Target();
        var result = await _manager.GetAsync(target, [Oid.Parse("1.3.6.1.2.1.1.99.0"), Oid.Parse("1.3.6.1.2.1.1.5.1")]);
        Assert.Equal([SnmpValueType.NoSuchObject, SnmpValueType.NoSuchInstance], result.Select(v => v.Value.Type));
    }

    [Fact]
    public async Task GetNext_returns_the_successor()
    {
        var target = Target();
        var result = await _manager.GetNextAsync(target, [System]);
        Assert.Equal(SysDescr, Assert.Single(result).Oid);
    }

    [Fact]
    public async Task GetBulk_returns_non_repeaters_then_repetitions()
    {
        var target = Target();
        var result = await _manager.GetBulkAsync(target, 1, 3, [Oid.Parse("1.3.6.1.2.1.1.4"), System]);
        Assert.Equal(["1.3.6.1.2.1.1.4.0", "1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.2.0", "1.3.6.1.2.1.1.3.0"], result.Select(v => v.Oid.ToString()));
    }

    [Fact]
    public async Task Many_requests_in_flight_each_get_their_own_answer()
    {
        var target = Target();
        var oids = Enumerable.Range(1, 7).Select(i => System.Append((uint)i, 0)).ToArray();
        var tasks = Enumerable.Range(0, 70).Select(i => _manager.GetAsync(target, [oids[i % oids.Length]])).ToArray();
        var results = await Task.WhenAll(tasks);
        for (var i = 0; i < results.Length; i++)
            Assert.Equal(oids[i % oids.Length], Assert.Single(results[i]).Oid);
    }

    [Fact]
    public async Task Two_thousand_four_hundred_concurrent_gets_over_one_manager_each_get_their_own_answer()
    {
        var target = Target() with { Timeout = TimeSpan.FromSeconds(1), Retries = 5 }; // snmpd's socket queue overflows in such a burst: retries cover it
        var oids = Enumerable.Range(1, 7).Select(i => System.Append((uint)i, 0)).ToArray();
        var tasks = Enumerable.Range(0, 2_400).Select(i => _manager.GetAsync(target, [oids[i % oids.Length], oids[(i + 3) % oids.Length]])).ToArray();
        var results = await Task.WhenAll(tasks);
        for (var i = 0; i < results.Length; i++)
            Assert.Equal([oids[i % oids.Length], oids[(i + 3) % oids.Length]], results[i].Select(v => v.Oid));
        output.WriteLine($"2,400 gets: {_manager.UnmatchedDatagrams} unmatched answers (late duplicates), {_manager.MalformedDatagrams} malformed");
        Assert.Equal(0, _manager.MalformedDatagrams);
    }

    [Fact]
    public async Task GetTable_returns_the_interface_table_by_index_like_a_walk()
    {
        Oid ifIndex = Oid.Parse("1.3.6.1.2.1.2.2.1.1"), ifDescr = Oid.Parse("1.3.6.1.2.1.2.2.1.2"), ifInOctets = Oid.Parse("1.3.6.1.2.1.2.2.1.10");
        var table = await _manager.GetTableAsync(Target(), [ifIndex, ifDescr, ifInOctets]);
        var descr = NetSnmpVarBind.ParseWalk(agent.NetSnmp("snmpbulkwalk", "-v2c", "-On", "-Oe", "-c", "public", $"127.0.0.1:{agent.Port}", ifDescr.ToString()));
        Assert.Equal(descr.Select(d => d.Oid.Arcs.Span[^1].ToString(CultureInfo.InvariantCulture)), table.Rows.Select(r => r.IndexText));
        foreach (var (row, theirs) in table.Rows.Zip(descr))
        {
            Assert.Equal((int)row.Index[0], row[0]!.Value.AsInt32());
            Assert.True(theirs.Matches(row[1]!.Value), $"{row[1]} vs {theirs}");
            Assert.Equal(SnmpValueType.Counter32, row[2]!.Value.Type);
        }
        Assert.Equal([ifIndex, ifDescr, ifInOctets], table.Columns);
    }

    [Fact]
    public async Task Set_with_the_rw_community_changes_sysContact()
    {
        var contact = $"ops-{Guid.NewGuid():N}@example.net";
        var echo = await _manager.SetAsync(Target("private"), [new VarBind(SysContact, SnmpValue.OctetString(contact))]);
        Assert.Equal(contact, echo[0].Value.AsString());
        Assert.Equal(contact, (await _manager.GetAsync(Target(), [SysContact]))[0].Value.AsString());
        Assert.Contains(contact, agent.NetSnmp("snmpget", "-v2c", "-On", "-c", "public", $"127.0.0.1:{agent.Port}", SysContact.ToString()));
    }

    [Fact]
    public async Task Set_with_the_ro_community_throws_noAccess_naming_the_oid()
    {
        var target = Target();
        var error = await Assert.ThrowsAsync<SnmpErrorException>(() => _manager.SetAsync(target, [new VarBind(SysContact, SnmpValue.OctetString("x"))]));
        Assert.Equal((SnmpErrorStatus.NoAccess, 1, SysContact), (error.Status, error.Index, error.Oid));
    }

    [Fact]
    public async Task A_wrong_community_times_out_because_the_agent_stays_silent()
    {
        var wrong = new SnmpTarget(agent.EndPoint, SnmpVersion.V2c, "wrong") { Timeout = TimeSpan.FromMilliseconds(300), Retries = 1 };
        var error = await Assert.ThrowsAsync<SnmpTimeoutException>(() => _manager.GetAsync(wrong, [SysName]));
        Assert.Equal((2, TimeSpan.FromMilliseconds(300)), (error.Attempts, error.Timeout));
        Assert.Contains($"no answer from 127.0.0.1:{agent.Port}", error.Message);
        Assert.Contains("wrong community or agent down", error.Message);
    }

    [Theory]
    [InlineData(SnmpVersion.V2c, "snmpbulkwalk")]
    [InlineData(SnmpVersion.V1, "snmpwalk")]
    public async Task Walk_of_the_system_subtree_matches_net_snmp(SnmpVersion version, string tool)
    {
        var target = Target(version: version);
        var ours = await _manager.WalkAsync(target, System);
        var theirs = NetSnmpVarBind.ParseWalk(agent.NetSnmp(tool, version == SnmpVersion.V1 ? "-v1" : "-v2c", "-On", "-Oe", "-c", "public",
            $"127.0.0.1:{agent.Port}", System.ToString()));
        Assert.Equal(theirs.Select(t => t.Oid), ours.Select(o => o.Oid));
        for (var i = 0; i < ours.Count; i++)
            Assert.True(theirs[i].Matches(ours[i].Value) || ours[i].Oid == Oid.Parse("1.3.6.1.2.1.1.3.0"), $"{ours[i]} vs {theirs[i]}");
        output.WriteLine($"{tool}: {ours.Count} varbinds under {System}, all equal");
    }

    [Fact]
    public async Task Walk_of_the_whole_agent_matches_snmpbulkwalk_value_by_value()
    {
        var root = Oid.Parse("1.3");
        string[] walk = ["-v2c", "-On", "-Oe", "-c", "public", $"127.0.0.1:{agent.Port}", root.ToString()];
        var before = NetSnmpVarBind.ParseWalk(agent.NetSnmp("snmpbulkwalk", walk));
        var target = Target();
        var ours = await _manager.WalkAsync(target, root);
        var after = NetSnmpVarBind.ParseWalk(agent.NetSnmp("snmpbulkwalk", walk));

        Assert.Equal(before.Select(t => t.Oid), after.Select(t => t.Oid)); // the agent's object set held still
        Assert.Equal(before.Count, ours.Count);
        Assert.Equal(before.Select(t => t.Oid), ours.Select(o => o.Oid));
        int equal = 0, moving = 0;
        var mismatches = new List<string>();
        for (var i = 0; i < ours.Count; i++)
        {
            if (before[i].Matches(ours[i].Value) || after[i].Matches(ours[i].Value))
                equal++;
            else if (before[i].Text != after[i].Text && before[i].Type == after[i].Type && TypeOf(before[i].Type) == ours[i].Value.Type)
                moving++; // a counter or gauge that changed between the two net-snmp walks: only its type is compared
            else
                mismatches.Add($"{ours[i]} vs {before[i]}");
        }
        output.WriteLine($"whole agent under {root}: {ours.Count} varbinds (net-snmp {before.Count}), {equal} equal in value, {moving} changing values compared by type");
        Assert.Empty(mismatches);
        Assert.True(ours.Count > 1000, $"only {ours.Count} varbinds");
    }

    private static SnmpValueType TypeOf(string netSnmpType) => netSnmpType switch
    {
        "STRING" or "Hex-STRING" => SnmpValueType.OctetString,
        "INTEGER" => SnmpValueType.Integer,
        "Counter32" => SnmpValueType.Counter32,
        "Gauge32" => SnmpValueType.Gauge32,
        "Counter64" => SnmpValueType.Counter64,
        "Timeticks" => SnmpValueType.TimeTicks,
        "IpAddress" => SnmpValueType.IpAddress,
        "OID" => SnmpValueType.ObjectIdentifier,
        "Opaque" => SnmpValueType.Opaque,
        _ => SnmpValueType.Null,
    };
}
