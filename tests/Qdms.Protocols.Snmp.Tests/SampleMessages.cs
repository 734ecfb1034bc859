using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Protocols.Snmp.Tests;

/// <summary>One message of every PDU kind, for round trips, truncation and mutation runs.</summary>
internal static class SampleMessages
{
    private static readonly Oid SysDescr = Oid.Parse("1.3.6.1.2.1.1.1.0");
    private static readonly Oid SysName = Oid.Parse("1.3.6.1.2.1.1.5.0");

    private static readonly VarBind[] AllTypes =
    [
        new(SysDescr, SnmpValue.OctetString("Linux test 6.1")),
        new(Oid.Parse("1.3.6.1.2.1.1.2.0"), SnmpValue.ObjectIdentifier(Oid.Parse("1.3.6.1.4.1.8072.3.2.10"))),
        new(Oid.Parse("1.3.6.1.2.1.1.3.0"), SnmpValue.TimeTicks(4_000_000_000)),
        new(Oid.Parse("1.3.6.1.2.1.2.1.0"), SnmpValue.Integer(-2)),
        new(Oid.Parse("1.3.6.1.2.1.2.2.1.10.1"), SnmpValue.Counter32(2_147_483_648)),
        new(Oid.Parse("1.3.6.1.2.1.2.2.1.5.1"), SnmpValue.Gauge32(10_000_000)),
        new(Oid.Parse("1.3.6.1.2.1.4.20.1.1.127.0.0.1"), SnmpValue.IpAddress([127, 0, 0, 1])),
        new(Oid.Parse("1.3.6.1.2.1.31.1.1.1.6.1"), SnmpValue.Counter64(0x8000_0000_0000_0001)),
        new(Oid.Parse("1.3.6.1.4.1.2021.10.1.6.1"), SnmpValue.Opaque([0x9F, 0x78, 0x04, 0x3F, 0x8C, 0x9A, 0x00])),
        new(Oid.Parse("1.3.6.1.2.1.1.99.0"), SnmpValue.NoSuchObject),
        new(Oid.Parse("1.3.6.1.2.1.1.5.1"), SnmpValue.NoSuchInstance),
        new(Oid.Parse("1.3.6.1.6.3.99"), SnmpValue.EndOfMibView),
    ];

    public static IReadOnlyList<(string Name, SnmpMessage Message)> All =>
    [
        ("v2c get", new SnmpMessage(SnmpVersion.V2c, "public", SnmpPdu.GetRequest(1, SysDescr, SysName))),
        ("v1 get", new SnmpMessage(SnmpVersion.V1, "public", SnmpPdu.GetRequest(-7, SysDescr))),
        ("v2c getnext", new SnmpMessage(SnmpVersion.V2c, "public", SnmpPdu.GetNextRequest(int.MaxValue, Oid.Parse("1.3.6.1.2.1.1")))),
        ("v2c getbulk", new SnmpMessage(SnmpVersion.V2c, "public", SnmpPdu.GetBulkRequest(0x1234, 1, 10, Oid.Parse("1.3.6.1.2.1.1.3"), Oid.Parse("1.3.6.1.2.1.2.2.1.2")))),
        ("v2c set", new SnmpMessage(SnmpVersion.V2c, "private", SnmpPdu.SetRequest(99, new VarBind(Oid.Parse("1.3.6.1.2.1.1.4.0"), SnmpValue.OctetString("ops@example.net"))))),
        ("v2c response", new SnmpMessage(SnmpVersion.V2c, "public", new SnmpPdu(SnmpPduType.Response, 5, SnmpErrorStatus.NoError, 0, AllTypes))),
        ("v1 response error", new SnmpMessage(SnmpVersion.V1, "public", new SnmpPdu(SnmpPduType.Response, 6, SnmpErrorStatus.NoSuchName, 1, [new VarBind(SysName)]))),
        ("v2c trap", new SnmpMessage(SnmpVersion.V2c, "public", new SnmpPdu(SnmpPduType.TrapV2, 7, SnmpErrorStatus.NoError, 0,
            [new(Oid.Parse("1.3.6.1.2.1.1.3.0"), SnmpValue.TimeTicks(100)), new(Oid.Parse("1.3.6.1.6.3.1.1.4.1.0"), SnmpValue.ObjectIdentifier(Oid.Parse("1.3.6.1.6.3.1.1.5.3")))]))),
        ("v2c inform", new SnmpMessage(SnmpVersion.V2c, "public", new SnmpPdu(SnmpPduType.InformRequest, 8, SnmpErrorStatus.NoError, 0, AllTypes[..3]))),
        ("v2c report", new SnmpMessage(SnmpVersion.V2c, "public", new SnmpPdu(SnmpPduType.Report, 9, SnmpErrorStatus.NoError, 0, [new(Oid.Parse("1.3.6.1.6.3.15.1.1.4.0"), SnmpValue.Counter32(3))]))),
        ("v1 trap", new SnmpMessage(SnmpVersion.V1, "public", new TrapV1Pdu(Oid.Parse("1.3.6.1.4.1.8072.2.3"), new byte[] { 192, 0, 2, 7 },
            GenericTrap.EnterpriseSpecific, 17, 12345, [new(SysName, SnmpValue.OctetString("trap"))]))),
        ("v2c response long", new SnmpMessage(SnmpVersion.V2c, "public", new SnmpPdu(SnmpPduType.Response, 10, SnmpErrorStatus.NoError, 0,
            [new(SysDescr, SnmpValue.OctetString(new string('x', 400)))]))),
    ];
}
