using Qdms.Qos.Metrics;

namespace Qdms.Qos.Window;

/// <summary>
/// A series' statistics over a window, from the batches inside it: the lowest minimum, the highest maximum, the mean of the
/// means, the median of the medians, and the newest batch's current value. A failed batch counts as the worst value.
/// </summary>
public readonly record struct WindowStats(double Minimum, double Maximum, double Mean, double Median, double Current, int Batches, int FailedBatches)
{
    public double Get(QosStatistic statistic) => statistic switch
    {
        QosStatistic.Minimum => Minimum,
        QosStatistic.Maximum => Maximum,
        QosStatistic.Mean => Mean,
        QosStatistic.Median => Median,
        _ => Current,
    };
}
