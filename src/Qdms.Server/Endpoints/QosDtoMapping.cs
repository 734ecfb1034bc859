using Qdms.Contracts;
using Qdms.Core.Measurements;
using Qdms.Core.Qos;
using Qdms.Qos.Metrics;
using Qdms.Qos.Scoring;
using Qdms.Qos.Services;

namespace Qdms.Server.Endpoints;

/// <summary>QoS model ↔ wire shapes.</summary>
internal static class QosDtoMapping
{
    public static QosMetricScoreDto ToDto(this MetricScore m) => new(m.Metric, m.Value, m.Weight, m.Contribution, m.Missing, m.Batches);

    public static QosProviderScoreDto ToDto(this ProviderScore s) => new(s.Score, s.Known, s.Metrics.Select(ToDto).ToList());

    /// <summary>Providers with groups that had no data (Arrowhead's <c>warnings</c>).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Warnings(IEnumerable<ProviderScore> scores) =>
        scores.Where(s => s.MissingGroups.Count > 0).ToDictionary(s => s.Provider, s => s.MissingGroups, StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, QosProviderScoreDto> Scores(IEnumerable<ProviderScore> scores) =>
        scores.ToDictionary(s => s.Provider, s => s.ToDto(), StringComparer.Ordinal);

    public static QosQueryRecordDto ToDto(this QosQueryRecord r, IReadOnlyList<QosStatistic> aggregation)
    {
        var m = r.Record.Measurement;
        double? Pick(QosStatistic s, double? v) => aggregation.Contains(s) ? v : null;
        var rtt = r.Group == QosMetricGroup.Rtt;
        return new QosQueryRecordDto(r.Group.WireName(), r.Record.Id, m.Time, r.Uuid,
            Pick(QosStatistic.Minimum, m.Minimum), Pick(QosStatistic.Maximum, m.Maximum), Pick(QosStatistic.Mean, m.Mean),
            Pick(QosStatistic.Median, m.Median), Pick(QosStatistic.Current, m.Current),
            rtt ? m.LossPercent : null, rtt ? m.Jitter : null, rtt ? m.P95 : null, m.Failed ? true : null, r.Systems);
    }

    public static QosLogEntryDto ToDto(this QosLogEntry e) => new(e.Id, e.At, e.Logger, e.Level, e.Message, e.Exception);

    public static QosMeasurementDto ToDto(this Measurement m) =>
        new(m.Time, m.Metric, m.Minimum, m.Maximum, m.Mean, m.Median, m.Current, m.Count, m.LossPercent, m.Jitter, m.P95, m.Failed);
}
