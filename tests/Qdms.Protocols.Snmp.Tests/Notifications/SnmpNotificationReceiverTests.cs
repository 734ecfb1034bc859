using System.Net;
using System.Threading.Channels;
using Qdms.Protocols.Snmp.Messages;
using Qdms.Protocols.Snmp.Notifications;
using Qdms.Protocols.Snmp.Security;
using Qdms.Protocols.Snmp.Tests.Peers;
using Qdms.Testing;

namespace Qdms.Protocols.Snmp.Tests.Notifications;

/// <summary>Traps and informs sent by net-snmp's snmptrap and snmpinform to the receiver on loopback.</summary>
public sealed class SnmpNotificationReceiverTests : IAsyncLifetime
{
    private readonly Channel<SnmpNotification> _received = Channel.CreateUnbounded<SnmpNotification>();
    private readonly Channel<string> _rejected = Channel.CreateUnbounded<string>();
    private SnmpNotificationReceiver _receiver = null!;

    private string Address => $"udp:127.0.0.1:{_receiver.LocalEndPoint.Port}";

    private static readonly byte[] SenderEngineId = Convert.FromHexString("800007E580AABBCCDD01");

    public async Task InitializeAsync() => _receiver = await SnmpNotificationReceiver.StartAsync(new IPEndPoint(IPAddress.Loopback, 0),
        new SnmpReceiverOptions
        {
            Communities = ["public"],
            Users =
            [
                new UsmUser("trapuser", SnmpAuthProtocol.Sha256, "trap-auth-pass", SnmpPrivProtocol.Aes256, "trap-priv-pass"),
                new UsmUser("md5des", SnmpAuthProtocol.Md5, "trap-auth-pass", SnmpPrivProtocol.Des, "trap-priv-pass"),
                new UsmUser("authonly", SnmpAuthProtocol.Sha1, "trap-auth-pass"),
                new UsmUser("plain"),
            ],
            OnRejected = (_, reason) => _rejected.Writer.TryWrite(reason),
        },
        n => _received.Writer.WriteAsync(n));

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private async Task<SnmpNotification> NextAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _received.Reader.ReadAsync(limit.Token);
    }

    [Fact]
    public async Task A_v1_enterprise_specific_trap_keeps_its_fields_and_is_translated_per_RFC_3584()
    {
        SnmpdAgent.Tool("snmptrap", "-v1", "-c", "public", Address, "1.3.6.1.4.1.8072.2.3", "192.0.2.7", "6", "17", "12345",
            "1.3.6.1.2.1.1.5.0", "s", "v1 trap");
        var n = await NextAsync();
        Assert.Equal((SnmpVersion.V1, false, "public"), (n.Version, n.IsInform, n.Community));
        Assert.Equal(Oid.Parse("1.3.6.1.4.1.8072.2.3.0.17"), n.TrapOid);
        Assert.Equal((Oid.Parse("1.3.6.1.4.1.8072.2.3"), IPAddress.Parse("192.0.2.7"), GenericTrap.EnterpriseSpecific, 17, 12345u),
            (n.Enterprise, n.AgentAddress, n.Generic, n.Specific, n.Uptime));
        Assert.Equal("v1 trap", Assert.Single(n.VarBinds).Value.AsString());
        Assert.Equal(IPAddress.Loopback, n.Source.Address);
    }

    [Fact]
    public async Task A_v1_generic_trap_becomes_the_snmpTraps_oid()
    {
        SnmpdAgent.Tool("snmptrap", "-v1", "-c", "public", Address, "1.3.6.1.4.1.8072.2.3", "192.0.2.7", "2", "0", "77");
        var n = await NextAsync();
        Assert.Equal(Oid.Parse("1.3.6.1.6.3.1.1.5.3"), n.TrapOid); // linkDown
        Assert.Equal(GenericTrap.LinkDown, n.Generic);
    }

    [Fact]
    public async Task A_v2c_trap_is_decoded()
    {
        SnmpdAgent.Tool("snmptrap", "-v2c", "-c", "public", Address, "54321", "1.3.6.1.6.3.1.1.5.4",
            "1.3.6.1.2.1.2.2.1.1.3", "i", "3", "1.3.6.1.2.1.1.5.0", "s", "v2c trap");
        var n = await NextAsync();
        Assert.Equal((SnmpVersion.V2c, false, "public", 54321u), (n.Version, n.IsInform, n.Community, n.Uptime));
        Assert.Equal(Oid.Parse("1.3.6.1.6.3.1.1.5.4"), n.TrapOid);
        Assert.Equal([SnmpValue.Integer(3), SnmpValue.OctetString("v2c trap")], n.VarBinds.Select(v => v.Value));
        Assert.Null(n.Enterprise);
    }

    [Fact]
    public async Task A_v2c_inform_is_acknowledged_so_snmpinform_exits_0()
    {
        // snmpinform waits for the Response and exits non-zero (after its retries) without one; Tool throws then.
        SnmpdAgent.Tool("snmpinform", "-v2c", "-c", "public", "-t", "5", "-r", "0", Address, "999", "1.3.6.1.6.3.1.1.5.1",
            "1.3.6.1.2.1.1.5.0", "s", "v2c inform");
        var n = await NextAsync();
        Assert.Equal((SnmpVersion.V2c, true, 999u), (n.Version, n.IsInform, n.Uptime));
        Assert.Equal(Oid.Parse("1.3.6.1.6.3.1.1.5.1"), n.TrapOid);
        Assert.Equal("v2c inform", Assert.Single(n.VarBinds).Value.AsString());
    }

    [Fact]
    public async Task A_wrong_community_is_rejected_with_a_reason_and_an_inform_is_not_acknowledged()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SnmpdAgent.Tool("snmpinform", "-v2c", "-c", "nope", "-t", "0.3", "-r", "0",
            Address, "1", "1.3.6.1.6.3.1.1.5.1"));
        Assert.Contains("Timeout", error.Message);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Contains("unknown community", await _rejected.Reader.ReadAsync(limit.Token));
        Assert.Equal((1L, 0L), (_receiver.RejectedDatagrams, _receiver.ReceivedNotifications));
    }

    [Fact]
    public async Task Garbage_is_rejected_with_a_reason_and_the_receiver_keeps_going()
    {
        using (var udp = new System.Net.Sockets.UdpClient())
            await udp.SendAsync(new byte[] { 0x30, 0x05, 0x02, 0x01 }, _receiver.LocalEndPoint);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Contains("not an SNMP message", await _rejected.Reader.ReadAsync(limit.Token));
        SnmpdAgent.Tool("snmptrap", "-v2c", "-c", "public", Address, "1", "1.3.6.1.6.3.1.1.5.1");
        Assert.Equal(Oid.Parse("1.3.6.1.6.3.1.1.5.1"), (await NextAsync()).TrapOid);
    }

    [Theory]
    [InlineData("trapuser", "authPriv", "SHA-256", "AES-256")]
    [InlineData("md5des", "authPriv", "MD5", "DES")]
    [InlineData("authonly", "authNoPriv", "SHA", null)]
    [InlineData("plain", "noAuthNoPriv", null, null)]
    public async Task A_v3_trap_is_authenticated_and_decrypted_with_keys_localized_to_the_senders_engine(string user, string level, string? auth, string? priv)
    {
        SnmpdAgent.Tool("snmptrap", [.. V3(user, level, auth, priv), "-e", Convert.ToHexString(SenderEngineId), Address, "4242", "1.3.6.1.6.3.1.1.5.3",
            "1.3.6.1.2.1.1.5.0", "s", "v3 trap"]);
        var n = await NextAsync();
        Assert.Equal((SnmpVersion.V3, false, user, 4242u), (n.Version, n.IsInform, n.UserName, n.Uptime));
        Assert.Equal(SenderEngineId, n.EngineId);
        Assert.Equal(Oid.Parse("1.3.6.1.6.3.1.1.5.3"), n.TrapOid);
        Assert.Equal("v3 trap", Assert.Single(n.VarBinds).Value.AsString());
    }

    [Theory]
    [InlineData("trapuser", "authPriv", "SHA-256", "AES-256")]
    [InlineData("md5des", "authPriv", "MD5", "DES")]
    [InlineData("plain", "noAuthNoPriv", null, null)]
    public async Task A_v3_inform_discovers_our_engine_and_is_acknowledged(string user, string level, string? auth, string? priv)
    {
        SnmpdAgent.Tool("snmpinform", [.. V3(user, level, auth, priv), "-t", "5", "-r", "0", Address, "777", "1.3.6.1.6.3.1.1.5.4",
            "1.3.6.1.2.1.1.5.0", "s", "v3 inform"]);
        var n = await NextAsync();
        Assert.Equal((SnmpVersion.V3, true, user, 777u), (n.Version, n.IsInform, n.UserName, n.Uptime));
        Assert.Equal(_receiver.EngineId, n.EngineId);
        Assert.Equal("v3 inform", Assert.Single(n.VarBinds).Value.AsString());
        Assert.Equal(0, _receiver.RejectedDatagrams); // the discovery probe is answered, not rejected
    }

    [Fact]
    public async Task A_v3_trap_with_a_wrong_auth_password_is_rejected_as_a_wrong_digest()
    {
        string[] args = ["-v3", "-l", "authPriv", "-u", "trapuser", "-a", "SHA-256", "-A", "not-the-password", "-x", "AES-256", "-X", "trap-priv-pass"];
        SnmpdAgent.Tool("snmptrap", [.. args, "-e", Convert.ToHexString(SenderEngineId), Address, "1", "1.3.6.1.6.3.1.1.5.3"]);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Contains("WrongDigest", await _rejected.Reader.ReadAsync(limit.Token));
        Assert.Equal(0, _receiver.ReceivedNotifications);
    }

    [Fact]
    public async Task A_v3_trap_from_an_unknown_user_is_rejected_naming_it()
    {
        SnmpdAgent.Tool("snmptrap", ["-v3", "-l", "noAuthNoPriv", "-u", "stranger", "-e", Convert.ToHexString(SenderEngineId), Address, "1", "1.3.6.1.6.3.1.1.5.3"]);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Contains("unknown v3 user 'stranger'", await _rejected.Reader.ReadAsync(limit.Token));
    }

    [Fact]
    public async Task A_given_engine_id_is_used_and_a_malformed_one_is_refused()
    {
        var engineId = Convert.FromHexString("80001F88040102030405");
        await using (var receiver = await SnmpNotificationReceiver.StartAsync(new IPEndPoint(IPAddress.Loopback, 0),
            new SnmpReceiverOptions { EngineId = engineId }, _ => ValueTask.CompletedTask))
            Assert.Equal(engineId, receiver.EngineId);
        Assert.Equal(17, _receiver.EngineId.Length); // generated: format 5 with 12 random octets
        await Assert.ThrowsAsync<ArgumentException>(() => SnmpNotificationReceiver.StartAsync(new IPEndPoint(IPAddress.Loopback, 0),
            new SnmpReceiverOptions { EngineId = [1, 2, 3] }, _ => ValueTask.CompletedTask));
    }

    private static string[] V3(string user, string level, string? auth, string? priv) =>
    [
        "-v3", "-l", level, "-u", user,
        .. auth is null ? Array.Empty<string>() : ["-a", auth, "-A", "trap-auth-pass"],
        .. priv is null ? Array.Empty<string>() : ["-x", priv, "-X", "trap-priv-pass"],
    ];
}
