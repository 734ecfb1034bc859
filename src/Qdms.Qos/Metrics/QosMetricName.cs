namespace Qdms.Qos.Metrics;

/// <summary>A scored metric: a group and a statistic, written <c>GROUP_STAT</c> on the wire.</summary>
public sealed record QosMetricName(QosMetricGroup Group, QosStatistic Statistic)
{
    public override string ToString() => $"{Group.WireName()}_{Statistic.WireName()}";
}
