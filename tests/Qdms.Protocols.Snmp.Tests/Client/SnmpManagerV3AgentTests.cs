using Qdms.Protocols.Snmp.Client;
using Qdms.Protocols.Snmp.Messages;
using Qdms.Protocols.Snmp.Security;
using Qdms.Protocols.Snmp.Tests.Peers;
using Qdms.Testing;
using Xunit.Abstractions;

namespace Qdms.Protocols.Snmp.Tests.Client;

/// <summary>SNMPv3 with USM against the real net-snmp agent, whose users tests/peers/snmpd.sh creates.</summary>
[Collection(SnmpdCollection.Name)]
public sealed class SnmpManagerV3AgentTests(SnmpdAgent agent, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly Oid SysName = Oid.Parse("1.3.6.1.2.1.1.5.0");
    private static readonly Oid System = Oid.Parse("1.3.6.1.2.1.1");
    private readonly SnmpManager _manager = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _manager.DisposeAsync();

    /// <summary>A user of snmpd.sh: passwords are "authpass-NAME" and "privpass-NAME".</summary>
    private static UsmUser User(string name, SnmpAuthProtocol auth = SnmpAuthProtocol.None, SnmpPrivProtocol priv = SnmpPrivProtocol.None) =>
        new(name, auth, auth == SnmpAuthProtocol.None ? null : $"authpass-{name}", priv, priv == SnmpPrivProtocol.None ? null : $"privpass-{name}");

    private SnmpTarget Target(UsmUser user) => new(agent.EndPoint, SnmpVersion.V3, User: user) { Timeout = TimeSpan.FromSeconds(3), Retries = 2 };

    public static TheoryData<string, SnmpAuthProtocol, SnmpPrivProtocol> Users => new()
    {
        { "noauth", SnmpAuthProtocol.None, SnmpPrivProtocol.None },
        { "authsha256", SnmpAuthProtocol.Sha256, SnmpPrivProtocol.None },
        { "md5des", SnmpAuthProtocol.Md5, SnmpPrivProtocol.Des },
        { "shades", SnmpAuthProtocol.Sha1, SnmpPrivProtocol.Des },
        { "md5aes", SnmpAuthProtocol.Md5, SnmpPrivProtocol.Aes128 },
        { "shaaes", SnmpAuthProtocol.Sha1, SnmpPrivProtocol.Aes128 },
        { "sha224aes192", SnmpAuthProtocol.Sha224, SnmpPrivProtocol.Aes192 },
        { "sha256aes256", SnmpAuthProtocol.Sha256, SnmpPrivProtocol.Aes256 },
        { "sha384aes256", SnmpAuthProtocol.Sha384, SnmpPrivProtocol.Aes256 },
        { "sha512aes192", SnmpAuthProtocol.Sha512, SnmpPrivProtocol.Aes192 },
        { "md5aes256", SnmpAuthProtocol.Md5, SnmpPrivProtocol.Aes256 },
        { "shaaes192", SnmpAuthProtocol.Sha1, SnmpPrivProtocol.Aes192 },
    };

    [Theory]
    [MemberData(nameof(Users))]
    public async Task Get_works_for_every_auth_and_priv_protocol(string name, SnmpAuthProtocol auth, SnmpPrivProtocol priv)
    {
        var result = await _manager.GetAsync(Target(User(name, auth, priv)), [SysName]);
        Assert.Equal("qdms-snmp-peer", Assert.Single(result).Value.AsString());
    }

    [Theory]
    [InlineData("shaaes", SnmpAuthProtocol.Sha1, SnmpPrivProtocol.Aes128, "SHA", "AES")]
    [InlineData("sha256aes256", SnmpAuthProtocol.Sha256, SnmpPrivProtocol.Aes256, "SHA-256", "AES-256")]
    public async Task AuthPriv_walk_of_the_system_subtree_matches_snmpbulkwalk(string name, SnmpAuthProtocol auth, SnmpPrivProtocol priv,
        string netSnmpAuth, string netSnmpPriv)
    {
        var ours = await _manager.WalkAsync(Target(User(name, auth, priv)), System);
        var theirs = NetSnmpVarBind.ParseWalk(agent.NetSnmp("snmpbulkwalk", "-v3", "-l", "authPriv", "-u", name, "-a", netSnmpAuth, "-A", $"authpass-{name}",
            "-x", netSnmpPriv, "-X", $"privpass-{name}", "-On", "-Oe", $"127.0.0.1:{agent.Port}", System.ToString()));
        Assert.Equal(theirs.Select(t => t.Oid), ours.Select(o => o.Oid));
        for (var i = 0; i < ours.Count; i++)
            Assert.True(theirs[i].Matches(ours[i].Value) || ours[i].Oid == Oid.Parse("1.3.6.1.2.1.1.3.0"), $"{ours[i]} vs {theirs[i]}");
        output.WriteLine($"{name}: {ours.Count} varbinds equal to snmpbulkwalk's");
    }

    [Fact]
    public async Task AuthPriv_set_changes_sysContact_and_a_read_only_user_gets_noAccess()
    {
        var contact = $"v3-{Guid.NewGuid():N}@example.net";
        var sysContact = Oid.Parse("1.3.6.1.2.1.1.4.0");
        await _manager.SetAsync(Target(User("rwshaaes", SnmpAuthProtocol.Sha1, SnmpPrivProtocol.Aes128)), [new VarBind(sysContact, SnmpValue.OctetString(contact))]);
        Assert.Contains(contact, agent.NetSnmp("snmpget", "-v2c", "-c", "public", $"127.0.0.1:{agent.Port}", sysContact.ToString()));
        var error = await Assert.ThrowsAsync<SnmpErrorException>(() =>
            _manager.SetAsync(Target(User("shaaes", SnmpAuthProtocol.Sha1, SnmpPrivProtocol.Aes128)), [new VarBind(sysContact, SnmpValue.OctetString("x"))]));
        Assert.Equal((SnmpErrorStatus.NoAccess, sysContact), (error.Status, error.Oid));
    }

    [Fact]
    public async Task An_unknown_user_is_reported_as_UnknownUserName()
    {
        var error = await Assert.ThrowsAsync<SnmpAuthenticationException>(() =>
            _manager.GetAsync(Target(new UsmUser("nobody", SnmpAuthProtocol.Sha1, "authpass-nobody", SnmpPrivProtocol.Aes128, "privpass-nobody")), [SysName]));
        Assert.Equal(SnmpAuthFailure.UnknownUserName, error.Reason);
        Assert.Contains("check the user name", error.Message);
    }

    [Fact]
    public async Task A_wrong_auth_password_is_reported_as_WrongDigest()
    {
        var error = await Assert.ThrowsAsync<SnmpAuthenticationException>(() =>
            _manager.GetAsync(Target(User("shaaes", SnmpAuthProtocol.Sha1, SnmpPrivProtocol.Aes128) with { AuthPassword = "not-the-password" }), [SysName]));
        Assert.Equal(SnmpAuthFailure.WrongDigest, error.Reason);
        Assert.Contains("authentication password", error.Message);
    }

    [Fact]
    public async Task A_wrong_auth_protocol_is_reported_as_WrongDigest()
    {
        var error = await Assert.ThrowsAsync<SnmpAuthenticationException>(() =>
            _manager.GetAsync(Target(User("sha256aes256", SnmpAuthProtocol.Sha256, SnmpPrivProtocol.Aes256) with { Auth = SnmpAuthProtocol.Sha512 }), [SysName]));
        Assert.Equal(SnmpAuthFailure.WrongDigest, error.Reason);
    }

    [Theory]
    [InlineData(SnmpPrivProtocol.Aes128, "not-the-password")]
    [InlineData(SnmpPrivProtocol.Des, "privpass-shaaes")]
    public async Task A_wrong_priv_password_or_protocol_is_reported_as_DecryptionError(SnmpPrivProtocol priv, string password)
    {
        // snmpd drops what it cannot decrypt without a report: one attempt, then the manager's authNoPriv probe.
        var target = Target(User("shaaes", SnmpAuthProtocol.Sha1, SnmpPrivProtocol.Aes128) with { Priv = priv, PrivPassword = password }) with
        {
            Timeout = TimeSpan.FromSeconds(3),
            Retries = 0,
        };
        var error = await Assert.ThrowsAsync<SnmpAuthenticationException>(() => _manager.GetAsync(target, [SysName]));
        Assert.Equal(SnmpAuthFailure.DecryptionError, error.Reason);
        Assert.Contains("privacy password", error.Message);
    }

    [Fact]
    public async Task A_level_the_user_does_not_have_is_reported_as_UnsupportedSecurityLevel()
    {
        var error = await Assert.ThrowsAsync<SnmpAuthenticationException>(() =>
            _manager.GetAsync(Target(User("authsha256", SnmpAuthProtocol.Sha256) with { Priv = SnmpPrivProtocol.Aes128, PrivPassword = "privpass-authsha256" }), [SysName]));
        Assert.Equal(SnmpAuthFailure.UnsupportedSecurityLevel, error.Reason);
    }

    [Fact]
    public async Task Many_v3_gets_in_flight_share_one_discovery()
    {
        var target = Target(User("sha256aes256", SnmpAuthProtocol.Sha256, SnmpPrivProtocol.Aes256)) with { Timeout = TimeSpan.FromSeconds(2), Retries = 3 };
        var results = await Task.WhenAll(Enumerable.Range(0, 500).Select(_ => _manager.GetAsync(target, [SysName])));
        Assert.All(results, r => Assert.Equal("qdms-snmp-peer", r[0].Value.AsString()));
        Assert.Equal(1, _manager.DiscoveryCount);
    }

    [Fact]
    public async Task A_stale_engine_time_is_resynchronised_from_the_notInTimeWindow_report()
    {
        var target = Target(User("shaaes", SnmpAuthProtocol.Sha1, SnmpPrivProtocol.Aes128));
        await _manager.GetAsync(target, [SysName]);
        var engineId = _manager.KnownEngineId(agent.EndPoint)!;
        _manager.SetEngine(agent.EndPoint, engineId, 1, 1_000_000); // far outside the 150 s window (RFC 3414 §3.2.7)
        Assert.Equal("qdms-snmp-peer", (await _manager.GetAsync(target, [SysName]))[0].Value.AsString());
        Assert.Equal(1, _manager.Resynchronisations);
        Assert.Equal(1, _manager.DiscoveryCount);
    }

    [Fact]
    public async Task A_wrong_engine_id_is_rediscovered_from_the_unknownEngineID_report()
    {
        var target = Target(User("sha256aes256", SnmpAuthProtocol.Sha256, SnmpPrivProtocol.Aes256));
        await _manager.GetAsync(target, [SysName]);
        var engineId = _manager.KnownEngineId(agent.EndPoint)!;
        _manager.SetEngine(agent.EndPoint, [0x80, 0x00, 0x1F, 0x88, 0x04, 0x01, 0x02, 0x03], 1, 1);
        Assert.Equal("qdms-snmp-peer", (await _manager.GetAsync(target, [SysName]))[0].Value.AsString());
        Assert.Equal(2, _manager.DiscoveryCount);
        Assert.Equal(engineId, _manager.KnownEngineId(agent.EndPoint));
    }

    [Fact]
    public async Task The_learnt_engine_id_is_the_one_snmpd_reports()
    {
        await _manager.GetAsync(Target(User("noauth")), [SysName]);
        var snmpEngineId = agent.NetSnmp("snmpget", "-v2c", "-c", "public", "-On", "-Ox", $"127.0.0.1:{agent.Port}", "1.3.6.1.6.3.10.2.1.1.0");
        Assert.Equal(Hex.Bytes(snmpEngineId[(snmpEngineId.IndexOf("Hex-STRING: ", StringComparison.Ordinal) + 12)..]), _manager.KnownEngineId(agent.EndPoint));
    }
}
