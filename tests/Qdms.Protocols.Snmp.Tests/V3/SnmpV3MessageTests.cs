using Qdms.Protocols.Snmp.Client;
using Qdms.Protocols.Snmp.Messages;
using Qdms.Protocols.Snmp.Security;

namespace Qdms.Protocols.Snmp.Tests.V3;

public sealed class SnmpV3MessageTests
{
    public static TheoryData<string> Names => [.. V3SampleMessages.All.Select(s => s.Name)];

    private static SnmpV3Message Sample(string name) => V3SampleMessages.All.Single(s => s.Name == name).Message;

    [Theory]
    [MemberData(nameof(Names))]
    public void Round_trips_every_header_and_security_field(string name)
    {
        var message = Sample(name);
        var bytes = message.ToArray();
        Assert.True(SnmpV3Message.TryRead(bytes, out var back, out var error), error);
        Assert.Equal(message, back);
        Assert.Equal((message.MessageId, message.MaxSize, message.Flags), (back.MessageId, back.MaxSize, back.Flags));
        Assert.Equal(message.Security.EngineId.ToArray(), back.Security.EngineId.ToArray());
        Assert.Equal((message.Security.EngineBoots, message.Security.EngineTime, message.Security.UserNameText),
            (back.Security.EngineBoots, back.Security.EngineTime, back.Security.UserNameText));
        Assert.Equal(message.Security.AuthenticationParameters.ToArray(), back.Security.AuthenticationParameters.ToArray());
        Assert.Equal(message.Security.PrivacyParameters.ToArray(), back.Security.PrivacyParameters.ToArray());
        Assert.Equal(message.ScopedPdu?.ContextNameText, back.ScopedPdu?.ContextNameText);
        Assert.Equal(message.EncryptedPdu.ToArray(), back.EncryptedPdu.ToArray());
        Assert.Equal(Hex.Of(bytes), Hex.Of(back.ToArray()));
    }

    [Fact]
    public void Routes_by_version()
    {
        Assert.True(SnmpMessage.TryPeekVersion(Sample("discovery").ToArray(), out var version));
        Assert.Equal(SnmpVersion.V3, version);
        Assert.False(SnmpMessage.TryRead(Sample("discovery").ToArray(), out _, out var error));
        Assert.Contains("unsupported version 3", error);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Rejects_every_truncated_prefix_naming_an_offset(string name)
    {
        var bytes = Sample(name).ToArray();
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.False(SnmpV3Message.TryRead(bytes.AsSpan(0, length), out _, out var error), $"prefix of {length} bytes was accepted");
            Assert.Matches(@"^offset \d+: ", error);
        }
    }

    [Fact]
    public void Rejects_every_truncated_prefix_of_a_sealed_message()
    {
        var bytes = V3SampleMessages.Sealed(SnmpPdu.GetRequest(42, Oid.Parse("1.3.6.1.2.1.1.5.0")));
        for (var length = 0; length < bytes.Length; length++)
            Assert.False(SnmpV3Message.TryRead(bytes.AsSpan(0, length), out _, out _), $"prefix of {length} bytes was accepted");
    }

    [Theory]
    [InlineData("flags", "privacy without authentication")]
    [InlineData("model", "msgSecurityModel 1 is not USM")]
    [InlineData("maxsize", "msgMaxSize 100 must be at least 484")]
    [InlineData("user", "msgUserName of 33 octets is longer than 32")]
    [InlineData("version", "version 1 is not SNMPv3")]
    public void Rejects_malformed_fields_naming_the_offset(string field, string expected)
    {
        var message = Sample("authNoPriv get");
        var bytes = field == "user" ? WithUserName(new byte[33]) : Patch(message.ToArray(), field);
        Assert.False(SnmpV3Message.TryRead(bytes, out _, out var error));
        Assert.Matches(@"^offset \d+: ", error);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Refuses_to_write_a_user_name_longer_than_32_octets()
    {
        var message = Sample("authNoPriv get");
        Assert.Throws<InvalidOperationException>(() => (message with { Security = message.Security with { UserName = new byte[33] } }).ToArray());
    }

    // Builds a plaintext v3 message by hand, with a user name the writer would refuse.
    private static byte[] WithUserName(byte[] userName)
    {
        var security = new Ber.BerWriter();
        var sequence = security.BeginConstructed(Ber.BerTag.Sequence);
        security.WritePrimitive(Ber.BerTag.OctetString, V3SampleMessages.EngineId);
        security.WriteInteger(Ber.BerTag.Integer, 1);
        security.WriteInteger(Ber.BerTag.Integer, 1);
        security.WritePrimitive(Ber.BerTag.OctetString, userName);
        security.WritePrimitive(Ber.BerTag.OctetString, []);
        security.WritePrimitive(Ber.BerTag.OctetString, []);
        security.EndConstructed(sequence);
        var writer = new Ber.BerWriter();
        var message = writer.BeginConstructed(Ber.BerTag.Sequence);
        writer.WriteInteger(Ber.BerTag.Integer, 3);
        var header = writer.BeginConstructed(Ber.BerTag.Sequence);
        writer.WriteInteger(Ber.BerTag.Integer, 1);
        writer.WriteInteger(Ber.BerTag.Integer, 1500);
        writer.WritePrimitive(Ber.BerTag.OctetString, [0]);
        writer.WriteInteger(Ber.BerTag.Integer, 3);
        writer.EndConstructed(header);
        writer.WritePrimitive(Ber.BerTag.OctetString, security.Written);
        writer.WritePrimitive(Ber.BerTag.Sequence, new ScopedPdu(default, default, SnmpPdu.GetRequest(1)).ToArray()[2..]);
        writer.EndConstructed(message);
        return writer.Written.ToArray();
    }

    // Header layout of the sample: 30 LL 02 01 03 30 LL 02 04 <msgID> 02 02 <maxSize> 04 01 <flags> 02 01 <model> …
    private static byte[] Patch(byte[] bytes, string field)
    {
        var header = bytes[1] < 0x80 ? 5 : 5 + (bytes[1] & 0x7F);
        var p = header + 2; // first field of HeaderData
        var msgIdEnd = p + 2 + bytes[p + 1];
        var maxSizeEnd = msgIdEnd + 2 + bytes[msgIdEnd + 1];
        switch (field)
        {
            case "flags":
                bytes[maxSizeEnd + 2] = (byte)SnmpV3Flags.Priv;
                break;
            case "model":
                bytes[maxSizeEnd + 5] = 1;
                break;
            case "maxsize":
                bytes[msgIdEnd + 2] = 0x00;
                bytes[msgIdEnd + 3] = 100;
                break;
            case "version":
                bytes[header - 1] = 1;
                break;
        }
        return bytes;
    }

    [Fact]
    public void A_sealed_message_opens_with_the_right_keys_and_fails_with_wrong_ones()
    {
        var pdu = SnmpPdu.GetRequest(42, Oid.Parse("1.3.6.1.2.1.1.5.0"));
        var bytes = V3SampleMessages.Sealed(pdu);
        Assert.True(SnmpV3Message.TryRead(bytes, out var message, out var authOffset, out var error), error);
        Assert.Equal(SnmpV3Flags.Auth | SnmpV3Flags.Priv | SnmpV3Flags.Reportable, message.Flags);
        Assert.Equal(24, message.Security.AuthenticationParameters.Length); // RFC 7860: HMAC-SHA-256 truncated to 192 bits
        Assert.Null(message.ScopedPdu);
        var keys = UsmLocalizedKeys.For(V3SampleMessages.User, V3SampleMessages.EngineId);
        Assert.Null(UsmMessages.TryOpen(bytes, message, authOffset, keys, out var scoped));
        Assert.Equal(pdu, scoped.Pdu);
        Assert.Equal(V3SampleMessages.EngineId, scoped.ContextEngineId.ToArray());

        var wrongAuth = UsmLocalizedKeys.For(V3SampleMessages.User with { AuthPassword = "other-auth-pass" }, V3SampleMessages.EngineId);
        Assert.Equal(SnmpAuthFailure.WrongDigest, UsmMessages.TryOpen(bytes, message, authOffset, wrongAuth, out _));
        var wrongPriv = UsmLocalizedKeys.For(V3SampleMessages.User with { PrivPassword = "other-priv-pass" }, V3SampleMessages.EngineId);
        Assert.Equal(SnmpAuthFailure.DecryptionError, UsmMessages.TryOpen(bytes, message, authOffset, wrongPriv, out _));
        var authOnly = UsmLocalizedKeys.For(V3SampleMessages.User with { Priv = SnmpPrivProtocol.None, PrivPassword = null }, V3SampleMessages.EngineId);
        Assert.Equal(SnmpAuthFailure.UnsupportedSecurityLevel, UsmMessages.TryOpen(bytes, message, authOffset, authOnly, out _));

        var tampered = (byte[])bytes.Clone();
        tampered[^1] ^= 1;
        Assert.True(SnmpV3Message.TryRead(tampered, out var tamperedMessage, out _, out _));
        Assert.Equal(SnmpAuthFailure.WrongDigest, UsmMessages.TryOpen(tampered, tamperedMessage, authOffset, keys, out _));
    }
}
