using BenchmarkDotNet.Attributes;
using Qdms.Protocols.Snmp.Messages;
using Qdms.Protocols.Snmp.Security;

namespace Qdms.Bench.Snmp;

/// <summary>
/// Encode and decode of a typical response: one ifTable/ifXTable row of 20 varbinds (counters, gauges, strings,
/// an OID, a TimeTicks) — as v2c, and as v3 authPriv (SHA-256 / AES-256: encrypt + HMAC, verify + decrypt).
/// </summary>
[MemoryDiagnoser]
public class CodecBenchmarks
{
    private static readonly byte[] EngineId = Convert.FromHexString("80001F888056E3A3C2A1B2C3D4");
    private SnmpMessage _v2c = null!;
    private byte[] _v2cBytes = null!;
    private ScopedPdu _scoped = null!;
    private UsmLocalizedKeys _keys = null!;
    private byte[] _userName = null!;
    private byte[] _v3Bytes = null!;

    [GlobalSetup]
    public void Setup()
    {
        var row = Oid.Parse("1.3.6.1.2.1.2.2.1");
        var varBinds = new List<VarBind>();
        for (uint column = 1; column <= 20; column++)
        {
            var oid = row.Append(column, 3);
            varBinds.Add(new VarBind(oid, (column % 5) switch
            {
                0 => SnmpValue.OctetString($"GigabitEthernet0/{column}"),
                1 => SnmpValue.Counter32(3_000_000_000u + column),
                2 => SnmpValue.Gauge32(1_000_000_000),
                3 => SnmpValue.Counter64(0x1_0000_0000_0000UL + column),
                _ => column == 9 ? SnmpValue.ObjectIdentifier(Oid.Parse("1.3.6.1.4.1.9.1.1208")) : SnmpValue.TimeTicks(123_456_789),
            }));
        }
        var pdu = new SnmpPdu(SnmpPduType.Response, 0x1234567, SnmpErrorStatus.NoError, 0, varBinds);
        _v2c = new SnmpMessage(SnmpVersion.V2c, "public", pdu);
        _v2cBytes = _v2c.ToArray();
        var user = new UsmUser("bench", SnmpAuthProtocol.Sha256, "bench-auth-pass", SnmpPrivProtocol.Aes256, "bench-priv-pass");
        _keys = UsmLocalizedKeys.For(user, EngineId);
        _userName = System.Text.Encoding.UTF8.GetBytes(user.Name);
        _scoped = new ScopedPdu(EngineId, default, pdu);
        _v3Bytes = EncodeV3AuthPriv();
    }

    [Benchmark]
    public byte[] EncodeV2c() => _v2c.ToArray();

    [Benchmark]
    public SnmpMessage DecodeV2c() => SnmpMessage.TryRead(_v2cBytes, out var message, out _) ? message : throw new InvalidOperationException();

    [Benchmark]
    public byte[] EncodeV3AuthPriv() => UsmMessages.Encode(0x1234567, false, _keys, _userName, EngineId, 3, 100_000, _scoped);

    [Benchmark]
    public ScopedPdu DecodeV3AuthPriv()
    {
        if (!SnmpV3Message.TryRead(_v3Bytes, out var message, out var authOffset, out _) ||
            UsmMessages.TryOpen(_v3Bytes, message, authOffset, _keys, out var scoped) is not null)
            throw new InvalidOperationException();
        return scoped;
    }
}
