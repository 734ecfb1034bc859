namespace Qdms.Qos.Metrics;

/// <summary>The metric groups Arrowhead's quality evaluation scores (the <c>GROUP</c> of <c>GROUP_STAT</c>).</summary>
public enum QosMetricGroup
{
    Rtt,
    CpuTotalLoad,
    MemoryUsed,
    NetworkEgressLoad,
    NetworkIngressLoad,
}
