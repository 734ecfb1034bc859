namespace Qdms.Core.Snmp;

/// <summary>What a polled object becomes besides a parameter.</summary>
public enum SnmpMetricKind
{
    /// <summary>A parameter only.</summary>
    None = 0,

    /// <summary>A measurement of the value itself (times <see cref="SnmpObject.Scale"/>).</summary>
    Gauge = 1,

    /// <summary>
    /// A measurement of the counter's rate per second (times <see cref="SnmpObject.Scale"/>): Counter32 wraps once at 2^32,
    /// a Counter64 that goes back and any value across an agent restart (sysUpTime going back) give no rate.
    /// </summary>
    Rate = 2,
}
