using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Protocols.Snmp.Tests;

public sealed class SnmpValueTests
{
    public static TheoryData<string, SnmpValue, string> Values => new()
    {
        { "integer", SnmpValue.Integer(-5), "INTEGER: -5" },
        { "string", SnmpValue.OctetString("say \"hi\""), "STRING: \"say \\\"hi\\\"\"" },
        { "binary string", SnmpValue.OctetString([0x00, 0xFF]), "Hex-STRING: 00 FF" },
        { "null", SnmpValue.Null, "NULL" },
        { "oid", SnmpValue.ObjectIdentifier(Oid.Parse("1.3.6.1.4.1.8072")), "OID: .1.3.6.1.4.1.8072" },
        { "ip", SnmpValue.IpAddress([192, 0, 2, 1]), "IpAddress: 192.0.2.1" },
        { "counter32", SnmpValue.Counter32(uint.MaxValue), "Counter32: 4294967295" },
        { "gauge32", SnmpValue.Gauge32(7), "Gauge32: 7" },
        { "timeticks", SnmpValue.TimeTicks(12345), "Timeticks: (12345)" },
        { "opaque", SnmpValue.Opaque([0x9F, 0x78, 0x04, 0x3F, 0x80, 0x00, 0x00]), "Opaque: 9F 78 04 3F 80 00 00" },
        { "counter64", SnmpValue.Counter64(ulong.MaxValue), "Counter64: 18446744073709551615" },
        { "noSuchObject", SnmpValue.NoSuchObject, "noSuchObject" },
        { "noSuchInstance", SnmpValue.NoSuchInstance, "noSuchInstance" },
        { "endOfMibView", SnmpValue.EndOfMibView, "endOfMibView" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Prints_unambiguously(string kind, SnmpValue value, string expected)
    {
        Assert.NotNull(kind);
        Assert.Equal(expected, value.ToString());
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void Round_trips_through_a_response(string kind, SnmpValue value, string printed)
    {
        Assert.NotNull(kind);
        Assert.NotNull(printed);
        var message = new SnmpMessage(SnmpVersion.V2c, "public",
            new SnmpPdu(SnmpPduType.Response, 1, SnmpErrorStatus.NoError, 0, [new VarBind(Oid.Parse("1.3.6.1.2.1.1.1.0"), value)]));
        Assert.True(SnmpMessage.TryRead(message.ToArray(), out var back, out var error), error);
        Assert.Equal(value, back.Pdu.VarBinds[0].Value);
        Assert.Equal(value.Type, back.Pdu.VarBinds[0].Value.Type);
    }

    [Fact]
    public void Default_is_null_and_accessors_reject_the_wrong_kind()
    {
        Assert.Equal(SnmpValueType.Null, default(SnmpValue).Type);
        Assert.Throws<InvalidOperationException>(() => SnmpValue.Integer(1).AsUInt32());
        Assert.Throws<InvalidOperationException>(() => SnmpValue.Counter32(1).AsInt32());
        Assert.Throws<ArgumentException>(() => SnmpValue.IpAddress([1, 2, 3]));
        Assert.Equal(5u, SnmpValue.Gauge32(5).AsUInt32());
        Assert.Equal("x", SnmpValue.OctetString("x").AsString());
    }
}
