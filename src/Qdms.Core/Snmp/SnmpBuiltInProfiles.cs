namespace Qdms.Core.Snmp;

/// <summary>The profiles every tenant has: <c>mib2-system</c>, <c>if-mib</c> and <c>host-resources</c>.</summary>
public static class SnmpBuiltInProfiles
{
    public const string System = "mib2-system";
    public const string Interfaces = "if-mib";
    public const string HostResources = "host-resources";

    /// <summary>sysUpTime.0, read with every poll: a value lower than the last one means the agent restarted.</summary>
    public const string SysUpTime = "1.3.6.1.2.1.1.3.0";

    /// <summary>hrStorageRam (HOST-RESOURCES-TYPES): the storage row that is the device's memory.</summary>
    public const string HrStorageRam = "1.3.6.1.2.1.25.2.1.2";

    private const int DefaultInterval = 60;

    public static IReadOnlyList<SnmpProfile> All { get; } =
    [
        new(null, System, "MIB-2 system group (RFC 3418)", DefaultInterval,
        [
            new("1.3.6.1.2.1.1.1.0", "sysDescr"),
            new("1.3.6.1.2.1.1.2.0", "sysObjectID"),
            new(SysUpTime, "sysUpTime", "snmp.sysUpTime", SnmpMetricKind.Gauge, 0.01),
            new("1.3.6.1.2.1.1.4.0", "sysContact"),
            new("1.3.6.1.2.1.1.5.0", "sysName"),
            new("1.3.6.1.2.1.1.6.0", "sysLocation"),
        ],
        [], BuiltIn: true),
        new(null, Interfaces, "Interfaces: ifTable (RFC 2863) and ifXTable 64-bit counters, as rates per second", DefaultInterval, [],
        [
            new("if",
            [
                new("1.3.6.1.2.1.2.2.1.2", "ifDescr"),
                new("1.3.6.1.2.1.2.2.1.5", "ifSpeed", "speed_bps", SnmpMetricKind.Gauge),
                new("1.3.6.1.2.1.2.2.1.7", "ifAdminStatus", "admin_status", SnmpMetricKind.Gauge),
                new("1.3.6.1.2.1.2.2.1.8", "ifOperStatus", "oper_status", SnmpMetricKind.Gauge),
                new("1.3.6.1.2.1.2.2.1.10", "ifInOctets", "in_bps", SnmpMetricKind.Rate, 8),
                new("1.3.6.1.2.1.2.2.1.11", "ifInUcastPkts", "in_pps", SnmpMetricKind.Rate),
                new("1.3.6.1.2.1.2.2.1.13", "ifInDiscards", "in_discards_ps", SnmpMetricKind.Rate),
                new("1.3.6.1.2.1.2.2.1.14", "ifInErrors", "in_errors_ps", SnmpMetricKind.Rate),
                new("1.3.6.1.2.1.2.2.1.16", "ifOutOctets", "out_bps", SnmpMetricKind.Rate, 8),
                new("1.3.6.1.2.1.2.2.1.17", "ifOutUcastPkts", "out_pps", SnmpMetricKind.Rate),
                new("1.3.6.1.2.1.2.2.1.19", "ifOutDiscards", "out_discards_ps", SnmpMetricKind.Rate),
                new("1.3.6.1.2.1.2.2.1.20", "ifOutErrors", "out_errors_ps", SnmpMetricKind.Rate),
            ]),

            // Same metric names as ifTable: where the agent has ifXTable its 64-bit counters replace the 32-bit ones.
            new("if",
            [
                new("1.3.6.1.2.1.31.1.1.1.1", "ifName"),
                new("1.3.6.1.2.1.31.1.1.1.6", "ifHCInOctets", "in_bps", SnmpMetricKind.Rate, 8),
                new("1.3.6.1.2.1.31.1.1.1.7", "ifHCInUcastPkts", "in_pps", SnmpMetricKind.Rate),
                new("1.3.6.1.2.1.31.1.1.1.10", "ifHCOutOctets", "out_bps", SnmpMetricKind.Rate, 8),
                new("1.3.6.1.2.1.31.1.1.1.11", "ifHCOutUcastPkts", "out_pps", SnmpMetricKind.Rate),
            ]),
        ], BuiltIn: true),
        new(null, HostResources, "HOST-RESOURCES-MIB (RFC 2790): CPU load (cpu_total_load), memory_used and storage used %", DefaultInterval, [],
        [
            new("cpu", [new("1.3.6.1.2.1.25.3.3.1.2", "hrProcessorLoad", "load_percent", SnmpMetricKind.Gauge)]),
            new("storage",
            [
                new("1.3.6.1.2.1.25.2.3.1.2", "hrStorageType"),
                new("1.3.6.1.2.1.25.2.3.1.3", "hrStorageDescr"),
                new("1.3.6.1.2.1.25.2.3.1.4", "hrStorageAllocationUnits"),
                new("1.3.6.1.2.1.25.2.3.1.5", "hrStorageSize"),
                new("1.3.6.1.2.1.25.2.3.1.6", "hrStorageUsed"),
            ]),
        ], BuiltIn: true, Derive: HostResources),
    ];

    public static SnmpProfile? Find(string name) => All.FirstOrDefault(p => p.Name == name);
}
