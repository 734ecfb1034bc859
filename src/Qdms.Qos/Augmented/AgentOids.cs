using Qdms.Qos.Metrics;

namespace Qdms.Qos.Augmented;

/// <summary>
/// The device agent's OID groups: Arrowhead's 1.4 (CPU total load), 2.1 (memory used), 3.1/3.2 (network egress/ingress
/// load), and qdms-agent's extras 4.1 (disk used) and 1.5.n (load of core n). All values are percent.
/// </summary>
public static class AgentOids
{
    public const string CpuTotalLoad = "1.4";
    public const string MemoryUsed = "2.1";
    public const string NetworkEgressLoad = "3.1";
    public const string NetworkIngressLoad = "3.2";
    public const string DiskUsed = "4.1";
    public const string CoreLoadPrefix = "1.5.";

    /// <summary>The store metric of an OID: <c>cpu_total_load</c>, …, <c>disk_used</c>, <c>cpu_core_load.3</c>; null when unknown.</summary>
    public static string? MetricOf(string oid) => oid switch
    {
        CpuTotalLoad => QosMetricGroup.CpuTotalLoad.StoreName(),
        MemoryUsed => QosMetricGroup.MemoryUsed.StoreName(),
        NetworkEgressLoad => QosMetricGroup.NetworkEgressLoad.StoreName(),
        NetworkIngressLoad => QosMetricGroup.NetworkIngressLoad.StoreName(),
        DiskUsed => "disk_used",
        _ when oid.StartsWith(CoreLoadPrefix, StringComparison.Ordinal) && int.TryParse(oid.AsSpan(CoreLoadPrefix.Length), out var core) && core >= 0
            => $"cpu_core_load.{core}",
        _ => null,
    };

    /// <summary>True for an OID whose samples the evaluator can store.</summary>
    public static bool IsKnown(string oid) => MetricOf(oid) is not null;
}
