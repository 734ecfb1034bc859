using Qdms.Protocols.Snmp.Client;
using Qdms.Protocols.Snmp.Messages;
using Qdms.Protocols.Snmp.Security;

namespace Qdms.Protocols.Snmp.Tests.V3;

/// <summary>
/// SNMPv3 exchanges captured from net-snmp 5.9.3's tools and snmpd (TestData/capture.sh v3; each file's first line
/// is the command): discovery, report, then the authenticated and encrypted request and response. The users and
/// passwords are tests/peers/snmpd.sh's, so the captures can be verified and decrypted here.
/// </summary>
public sealed class V3GoldenCaptureTests
{
    public static readonly string[] Files =
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData"), "v3-*.hex").Select(Path.GetFileName).Order()!];

    public static TheoryData<string> FileNames => [.. Files];

    private static (SnmpV3Message Message, int AuthOffset, byte[] Bytes) Read(string file)
    {
        var bytes = Hex.Capture(file);
        Assert.True(SnmpV3Message.TryRead(bytes, out var message, out var authOffset, out var error), $"{file}: {error}");
        return (message, authOffset, bytes);
    }

    private static ScopedPdu Open(string file, UsmUser user)
    {
        var (message, authOffset, bytes) = Read(file);
        var keys = UsmLocalizedKeys.For(user, message.Security.EngineId.Span);
        Assert.Null(UsmMessages.TryOpen(bytes, message, authOffset, keys, out var scoped));
        return scoped;
    }

    private static UsmUser User(string name, SnmpAuthProtocol auth, SnmpPrivProtocol priv) => new(name, auth, $"authpass-{name}", priv, $"privpass-{name}");

    [Fact]
    public void Has_the_captures() => Assert.True(Files.Length >= 20, string.Join(", ", Files));

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Every_capture_decodes_and_re_encodes_to_the_same_bytes(string file)
    {
        var (message, _, bytes) = Read(file);
        Assert.Equal(Hex.Of(bytes), Hex.Of(message.ToArray()));
    }

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Every_truncated_prefix_of_a_capture_is_rejected(string file)
    {
        var bytes = Hex.Capture(file);
        for (var length = 0; length < bytes.Length; length++)
            Assert.False(SnmpV3Message.TryRead(bytes.AsSpan(0, length), out _, out _), $"{file}: prefix of {length} bytes was accepted");
    }

    [Fact]
    public void Discovery_is_an_empty_noAuthNoPriv_request_answered_by_an_unknownEngineIDs_report()
    {
        var (probe, _, _) = Read("v3-shaaes-get.1.request.hex");
        Assert.Equal(SnmpV3Flags.Reportable, probe.Flags);
        Assert.Equal((0, 0, 0, 0), (probe.Security.EngineId.Length, probe.Security.UserName.Length, probe.Security.EngineBoots, probe.Security.EngineTime));
        Assert.Empty(probe.ScopedPdu!.Pdu.VarBinds);
        var (report, _, _) = Read("v3-shaaes-get.1.response.hex");
        Assert.Equal(probe.MessageId, report.MessageId);
        Assert.Equal(SnmpAuthFailure.UnknownEngineId, UsmMessages.ReportReason(report.ScopedPdu!.Pdu));
        Assert.True(report.Security.EngineId.Length >= 5);
        Assert.True(report.Security.EngineBoots >= 1);
    }

    [Fact]
    public void ShaAes_request_and_response_verify_and_decrypt()
    {
        var user = User("shaaes", SnmpAuthProtocol.Sha1, SnmpPrivProtocol.Aes128);
        var (request, _, _) = Read("v3-shaaes-get.2.request.hex");
        Assert.Equal(SnmpV3Flags.Auth | SnmpV3Flags.Priv | SnmpV3Flags.Reportable, request.Flags);
        Assert.Equal((12, 8), (request.Security.AuthenticationParameters.Length, request.Security.PrivacyParameters.Length));
        Assert.Equal(["1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.3.0"], Open("v3-shaaes-get.2.request.hex", user).Pdu.VarBinds.Select(v => v.Oid.ToString()));
        var response = Open("v3-shaaes-get.2.response.hex", user).Pdu;
        Assert.Equal(SnmpPduType.Response, response.Type);
        Assert.Equal("qdms-snmp-peer", response.VarBinds[0].Value.AsString());
        Assert.Equal(SnmpValueType.TimeTicks, response.VarBinds[1].Value.Type);
    }

    [Fact]
    public void Sha256Aes256_bulk_response_verifies_and_decrypts()
    {
        var user = User("sha256aes256", SnmpAuthProtocol.Sha256, SnmpPrivProtocol.Aes256);
        Assert.Equal(24, Read("v3-sha256aes256-getbulk.2.response.hex").Message.Security.AuthenticationParameters.Length);
        var response = Open("v3-sha256aes256-getbulk.2.response.hex", user).Pdu;
        Assert.Equal(4, response.VarBinds.Count);
        Assert.Equal("1.3.6.1.2.1.1.1.0", response.VarBinds[0].Oid.ToString());
    }

    [Fact]
    public void Md5Des_response_verifies_and_decrypts()
    {
        var response = Open("v3-md5des-get.2.response.hex", User("md5des", SnmpAuthProtocol.Md5, SnmpPrivProtocol.Des)).Pdu;
        Assert.Equal("qdms-snmp-peer", response.VarBinds[0].Value.AsString());
    }

    [Fact]
    public void A_wrong_auth_password_gets_an_unauthenticated_wrongDigests_report()
    {
        var (report, _, _) = Read("v3-wrongauth-get.2.response.hex");
        Assert.Equal(SnmpV3Flags.None, report.Flags & (SnmpV3Flags.Auth | SnmpV3Flags.Priv));
        Assert.Equal(SnmpAuthFailure.WrongDigest, UsmMessages.ReportReason(report.ScopedPdu!.Pdu));
        // And the request itself does not verify with the right password.
        var (request, authOffset, bytes) = Read("v3-wrongauth-get.2.request.hex");
        var keys = UsmLocalizedKeys.For(User("shaaes", SnmpAuthProtocol.Sha1, SnmpPrivProtocol.Aes128), request.Security.EngineId.Span);
        Assert.Equal(SnmpAuthFailure.WrongDigest, UsmMessages.TryOpen(bytes, request, authOffset, keys, out _));
    }

    [Fact]
    public void A_noAuthNoPriv_exchange_is_plaintext()
    {
        var (response, _, _) = Read("v3-noauth-get.2.response.hex");
        Assert.Equal(SnmpV3Flags.None, response.Flags);
        Assert.Equal("noauth", response.Security.UserNameText);
        Assert.Equal("qdms-snmp-peer", response.ScopedPdu!.Pdu.VarBinds[0].Value.AsString());
    }
}
