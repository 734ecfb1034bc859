using System.Diagnostics;
using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Bench.SnmpPoll;

/// <summary>
/// The fixed MIB every simulated agent serves: sysDescr, sysUpTime (real time since start), sysName, and 20 objects under
/// 1.3.6.1.4.1.99999.1.N.0 — Counter32s that grow, Gauge32s, INTEGERs and short strings, as a router's scalars would be.
/// </summary>
internal static class SimulatedMib
{
    public const int Objects = 20;

    private static readonly long Start = Stopwatch.GetTimestamp();

    public static Oid ObjectOid(int n) => new(1, 3, 6, 1, 4, 1, 99999, 1, (uint)n, 0);

    public static readonly Oid SysDescr = new(1, 3, 6, 1, 2, 1, 1, 1, 0);
    public static readonly Oid SysUpTime = new(1, 3, 6, 1, 2, 1, 1, 3, 0);
    public static readonly Oid SysName = new(1, 3, 6, 1, 2, 1, 1, 5, 0);

    private static readonly Dictionary<Oid, Func<int, SnmpValue>> Values = Build();

    /// <summary>The value of <paramref name="oid"/> at agent <paramref name="agent"/>, or noSuchObject.</summary>
    public static SnmpValue Get(Oid oid, int agent) => Values.TryGetValue(oid, out var value) ? value(agent) : SnmpValue.NoSuchObject;

    private static uint Ticks() => (uint)(Stopwatch.GetElapsedTime(Start).TotalMilliseconds / 10);

    private static Dictionary<Oid, Func<int, SnmpValue>> Build()
    {
        var values = new Dictionary<Oid, Func<int, SnmpValue>>
        {
            [SysDescr] = _ => SnmpValue.OctetString("QDMS simulated agent"),
            [SysUpTime] = _ => SnmpValue.TimeTicks(Ticks()),
            [SysName] = agent => SnmpValue.OctetString($"sim-{agent}"),
        };
        for (var n = 1; n <= Objects; n++)
        {
            var k = (uint)n;
            values[ObjectOid(n)] = (n % 4) switch
            {
                1 => agent => SnmpValue.Counter32(unchecked(Ticks() * k * 1000u + (uint)agent)),
                2 => agent => SnmpValue.Gauge32((uint)((agent + k) % 100)),
                3 => agent => SnmpValue.Integer((int)(k * 10)),
                _ => agent => SnmpValue.OctetString($"value-{k}"),
            };
        }

        return values;
    }
}
