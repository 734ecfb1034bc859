using System.Diagnostics.CodeAnalysis;

namespace Qdms.Qos.Metrics;

/// <summary>
/// The names of groups and statistics on the wire (Arrowhead's <c>RTT</c>, <c>CPU_TOTAL_LOAD_MEAN</c> …), in QDMS's
/// measurement store (<c>rtt</c>, <c>cpu_total_load</c> …) and on the device agent (OIDs <c>1.4</c> …).
/// </summary>
public static class QosMetrics
{
    /// <summary>Every group, in enum order.</summary>
    public static IReadOnlyList<QosMetricGroup> Groups { get; } = Enum.GetValues<QosMetricGroup>();

    /// <summary>Arrowhead's name of a group.</summary>
    public static string WireName(this QosMetricGroup group) => group switch
    {
        QosMetricGroup.Rtt => "RTT",
        QosMetricGroup.CpuTotalLoad => "CPU_TOTAL_LOAD",
        QosMetricGroup.MemoryUsed => "MEMORY_USED",
        QosMetricGroup.NetworkEgressLoad => "NETWORK_EGRESS_LOAD",
        _ => "NETWORK_INGRESS_LOAD",
    };

    /// <summary>The metric name in the measurement store.</summary>
    public static string StoreName(this QosMetricGroup group) => group switch
    {
        QosMetricGroup.Rtt => "rtt",
        QosMetricGroup.CpuTotalLoad => "cpu_total_load",
        QosMetricGroup.MemoryUsed => "memory_used",
        QosMetricGroup.NetworkEgressLoad => "network_egress_load",
        _ => "network_ingress_load",
    };

    /// <summary>Arrowhead's name of a statistic.</summary>
    public static string WireName(this QosStatistic statistic) => statistic switch
    {
        QosStatistic.Minimum => "MINIMUM",
        QosStatistic.Maximum => "MAXIMUM",
        QosStatistic.Mean => "MEAN",
        QosStatistic.Median => "MEDIAN",
        _ => "CURRENT",
    };

    public static bool TryParseGroup(string? name, out QosMetricGroup group)
    {
        foreach (var g in Groups)
        {
            if (string.Equals(g.WireName(), name, StringComparison.OrdinalIgnoreCase))
            {
                group = g;
                return true;
            }
        }

        group = default;
        return false;
    }

    public static bool TryParseStatistic(string? name, out QosStatistic statistic)
    {
        foreach (var s in Enum.GetValues<QosStatistic>())
        {
            if (string.Equals(s.WireName(), name, StringComparison.OrdinalIgnoreCase))
            {
                statistic = s;
                return true;
            }
        }

        statistic = default;
        return false;
    }

    /// <summary>The group whose store name is <paramref name="metric"/>, if it is one the evaluation scores.</summary>
    public static bool TryFromStoreName(string metric, out QosMetricGroup group)
    {
        foreach (var g in Groups)
        {
            if (g.StoreName() == metric)
            {
                group = g;
                return true;
            }
        }

        group = default;
        return false;
    }

    /// <summary>Parses <c>GROUP_STAT</c> (<c>RTT_MAXIMUM</c>, <c>CPU_TOTAL_LOAD_MEAN</c>), case-insensitively.</summary>
    public static bool TryParseMetric(string? name, [NotNullWhen(true)] out QosMetricName? metric)
    {
        metric = null;
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        var cut = name.LastIndexOf('_');
        if (cut <= 0 || !TryParseGroup(name[..cut], out var group) || !TryParseStatistic(name[(cut + 1)..], out var statistic))
        {
            return false;
        }

        metric = new QosMetricName(group, statistic);
        return true;
    }
}
