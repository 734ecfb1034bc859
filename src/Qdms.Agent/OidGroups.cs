namespace Qdms.Agent;

/// <summary>
/// The OID groups the agent can sample. 1.4, 2.1, 3.1 and 3.2 are the groups of the Arrowhead DeviceQoSEvaluator
/// device agent; 1.5 (per-core CPU) and 4.1 (disk) are QDMS additions. All values are percentages (0–100).
/// </summary>
internal static class OidGroups
{
    /// <summary>Total CPU load over all cores.</summary>
    public const string CpuTotal = "1.4";

    /// <summary>Per-core CPU load: one series per core, requested as <c>1.5.&lt;core&gt;</c> (e.g. 1.5.0).</summary>
    public const string CpuPerCore = "1.5";

    /// <summary>Memory used: (MemTotal − MemAvailable) / MemTotal.</summary>
    public const string MemoryUsed = "2.1";

    /// <summary>Network egress load relative to the link speed.</summary>
    public const string NetworkEgress = "3.1";

    /// <summary>Network ingress load relative to the link speed.</summary>
    public const string NetworkIngress = "3.2";

    /// <summary>Disk space used on the configured mount.</summary>
    public const string DiskUsed = "4.1";

    /// <summary>Every group, in the order they are documented.</summary>
    public static readonly IReadOnlyList<string> All = [CpuTotal, CpuPerCore, MemoryUsed, NetworkEgress, NetworkIngress, DiskUsed];

    /// <summary>The series OID of one core's load.</summary>
    public static string Core(int index) => $"{CpuPerCore}.{index}";
}
