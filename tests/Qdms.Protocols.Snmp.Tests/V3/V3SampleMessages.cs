using Qdms.Protocols.Snmp.Messages;
using Qdms.Protocols.Snmp.Security;

namespace Qdms.Protocols.Snmp.Tests.V3;

/// <summary>SNMPv3 messages covering every header and USM field, plaintext and encrypted, for round trips, truncation and mutation.</summary>
internal static class V3SampleMessages
{
    public static readonly byte[] EngineId = Convert.FromHexString("80001F8880B1C2D3E4F5060708");

    public static readonly UsmUser User = new("sampleuser", SnmpAuthProtocol.Sha256, "sample-auth-pass", SnmpPrivProtocol.Aes256, "sample-priv-pass");

    private static readonly Oid SysName = Oid.Parse("1.3.6.1.2.1.1.5.0");

    private static ScopedPdu Scoped(SnmpPdu pdu, string context = "") => new(EngineId, System.Text.Encoding.UTF8.GetBytes(context), pdu);

    private static UsmSecurityParameters Security(string user, byte[] auth, byte[] priv, int boots = 7, int time = 123_456) =>
        new(EngineId, boots, time, System.Text.Encoding.UTF8.GetBytes(user), auth, priv);

    public static IReadOnlyList<(string Name, SnmpV3Message Message)> All =>
    [
        ("discovery", new SnmpV3Message(1, 65_507, SnmpV3Flags.Reportable, new UsmSecurityParameters(default, 0, 0, default, default, default),
            new ScopedPdu(default, default, SnmpPdu.GetRequest(1)), default)),
        ("report", new SnmpV3Message(1, 1472, SnmpV3Flags.None, Security("", [], []),
            Scoped(new SnmpPdu(SnmpPduType.Report, 1, SnmpErrorStatus.NoError, 0, [new VarBind(Oid.Parse("1.3.6.1.6.3.15.1.1.4.0"), SnmpValue.Counter32(9))])), default)),
        ("authNoPriv get", new SnmpV3Message(int.MaxValue, 484, SnmpV3Flags.Auth | SnmpV3Flags.Reportable, Security("user", new byte[24], []),
            Scoped(SnmpPdu.GetRequest(77, SysName), "ctx"), default)),
        ("plaintext bulk", new SnmpV3Message(0, 65_507, SnmpV3Flags.Reportable, Security("noauth", [], [], 0, 0),
            Scoped(SnmpPdu.GetBulkRequest(3, 0, 10, Oid.Parse("1.3.6.1.2.1.2"))), default)),
        ("plaintext trap", new SnmpV3Message(5, 2048, SnmpV3Flags.None, Security("trapper", [], [], int.MaxValue, int.MaxValue),
            Scoped(new SnmpPdu(SnmpPduType.TrapV2, 5, SnmpErrorStatus.NoError, 0,
                [new(Oid.Parse("1.3.6.1.2.1.1.3.0"), SnmpValue.TimeTicks(1)), new(Oid.Parse("1.3.6.1.6.3.1.1.4.1.0"), SnmpValue.ObjectIdentifier(Oid.Parse("1.3.6.1.6.3.1.1.5.1")))])), default)),
        ("encrypted", new SnmpV3Message(9, 65_507, SnmpV3Flags.Auth | SnmpV3Flags.Priv | SnmpV3Flags.Reportable,
            Security("sampleuser", Enumerable.Range(1, 24).Select(i => (byte)i).ToArray(), [1, 2, 3, 4, 5, 6, 7, 8]), null,
            Enumerable.Range(0, 61).Select(i => (byte)(i * 7)).ToArray())),
    ];

    /// <summary>A real authPriv message (SHA-256/AES-256) as <see cref="UsmMessages"/> builds it.</summary>
    public static byte[] Sealed(SnmpPdu pdu) =>
        UsmMessages.Encode(pdu.RequestId, reportable: true, UsmLocalizedKeys.For(User, EngineId), System.Text.Encoding.UTF8.GetBytes(User.Name),
            EngineId, 3, 1000, Scoped(pdu));
}
