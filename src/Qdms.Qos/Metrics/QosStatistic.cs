namespace Qdms.Qos.Metrics;

/// <summary>The statistics of a metric over a window (the <c>STAT</c> of <c>GROUP_STAT</c>).</summary>
public enum QosStatistic
{
    Minimum,
    Maximum,
    Mean,
    Median,
    Current,
}
