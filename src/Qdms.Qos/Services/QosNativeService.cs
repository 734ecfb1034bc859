using System.Globalization;
using Qdms.Core.Devices;
using Qdms.Core.Errors;
using Qdms.Core.Measurements;
using Qdms.Core.Security;
using Qdms.Qos.Configuration;
using Qdms.Qos.Metrics;
using Qdms.Qos.Scoring;
using Qdms.Qos.Window;

namespace Qdms.Qos.Services;

/// <summary>
/// QDMS's own view of the evaluator (<c>/api/v1/qos</c>): a device's KPI series, and a ranking of devices — named by id or
/// by tag — with each score's breakdown. Viewers may read; everything is scoped to the caller's tenant.
/// </summary>
public sealed class QosNativeService(
    QosOptions options, IDeviceStore devices, IMeasurementStore measurements, QosScorer scorer, QosWindowStore window, TimeProvider time)
{
    public const int MaxRankedDevices = 100_000;
    public const int MaxSeriesPoints = 10_000;

    /// <summary>The default metrics of a ranking: the mean of every group, equally weighted.</summary>
    public static IReadOnlyList<string> DefaultMetrics { get; } = QosMetrics.Groups.Select(g => new QosMetricName(g, QosStatistic.Mean).ToString()).ToList();

    /// <summary>Ranks the devices of <paramref name="set"/> (ids, and/or every device matching its tag and model), best first.</summary>
    public async Task<(IReadOnlyList<ProviderScore> Ranked, QosEvaluationPlan Plan)> RankAsync(
        Caller caller, QosDeviceSet set, IReadOnlyList<string>? metrics, IReadOnlyList<double>? weights, int? windowSeconds, CancellationToken ct)
    {
        caller.Require(Role.Viewer);
        var plan = QosEvaluationPlan.Create(metrics is { Count: > 0 } ? metrics : DefaultMetrics, weights, windowSeconds, options.EvaluationWindow);
        if (set.IsEmpty)
        {
            throw new ValidationException("group", "name the devices to rank: a group (tag), a model, deviceIds, or all.");
        }

        if (set.Model is { Length: > 200 })
        {
            throw new ValidationException("model", "model is at most 200 characters.");
        }

        var chosen = new Dictionary<long, Device>();
        foreach (var id in set.DeviceIds ?? [])
        {
            chosen[id] = await devices.GetAsync(id, caller.Scope, ct) ?? throw new NotFoundException($"Device {id} was not found.");
        }

        if (set.HasFilter)
        {
            var query = new DeviceQuery(
                Tag: string.IsNullOrWhiteSpace(set.Tag) ? null : set.Tag,
                Model: string.IsNullOrWhiteSpace(set.Model) ? null : set.Model);
            var after = 0L;
            while (true)
            {
                var page = await devices.ListAfterAsync(caller.Scope, query, after, 1000, ct);
                foreach (var d in page)
                {
                    chosen[d.Id] = d;
                }

                if (page.Count < 1000 || chosen.Count > MaxRankedDevices)
                {
                    break;
                }

                after = page[^1].Id;
            }
        }

        if (chosen.Count > MaxRankedDevices)
        {
            throw new PayloadTooLargeException($"more than {MaxRankedDevices} devices to rank; narrow the group.");
        }

        var providers = chosen.Values.OrderBy(d => d.Id).Select(d => (d.Name, (long?)d.Id)).ToList();
        var scores = scorer.Score(plan, providers, time.GetUtcNow(), options.RttTimeout);
        return (QosScorer.Rank(scores), plan);
    }

    /// <summary>
    /// The caller's measured devices (those with batches in the evaluator's memory) scored by the default metrics over
    /// <paramref name="windowSeconds"/>: counts per score band, the devices with no batch in the window, and the best and
    /// worst <paramref name="top"/> with their breakdown.
    /// </summary>
    public async Task<QosOverview> OverviewAsync(Caller caller, int? windowSeconds, int? top, CancellationToken ct)
    {
        caller.Require(Role.Viewer);
        var n = top ?? 5;
        if (n is < 1 or > 50)
        {
            throw new ValidationException("top", $"top must be between 1 and 50; got {n}.");
        }

        var plan = QosEvaluationPlan.Create(DefaultMetrics, null, windowSeconds, options.EvaluationWindow);
        var ids = window.DevicesIn(caller.Scope);
        var scores = scorer.Score(plan, ids.Select(id => (id.ToString(CultureInfo.InvariantCulture), (long?)id)).ToList(), time.GetUtcNow(), options.RttTimeout);
        var withData = QosScorer.Rank(scores.Where(s => s.Metrics.Any(m => !m.Missing)));
        var bands = new int[QosOverview.BandEdges.Count - 1];
        foreach (var s in withData)
        {
            bands[QosOverview.BandOf(s.Score)]++;
        }

        async Task<IReadOnlyList<(ProviderScore Score, string Name)>> NamedAsync(IEnumerable<ProviderScore> picked)
        {
            var named = new List<(ProviderScore, string)>();
            foreach (var s in picked)
            {
                // A device deleted since its last batch keeps its series until the cleaning forgets it: leave it out.
                if (await devices.GetAsync(s.DeviceId!.Value, caller.Scope, ct) is { } d)
                {
                    named.Add((s, d.Name));
                }
            }

            return named;
        }

        var best = await NamedAsync(withData.Take(n));
        var worst = await NamedAsync(withData.Reverse().Take(n));
        return new QosOverview(plan, ids.Count, ids.Count - withData.Count, bands, best, worst);
    }

    /// <summary>A device's measurements of one metric (store name, e.g. <c>rtt</c>, <c>cpu_total_load</c>) in a time range, oldest first.</summary>
    public async Task<IReadOnlyList<Measurement>> SeriesAsync(
        Caller caller, long deviceId, string metric, DateTimeOffset? from, DateTimeOffset? to, int? limit, CancellationToken ct)
    {
        caller.Require(Role.Viewer);
        if (string.IsNullOrWhiteSpace(metric) || metric.Length > 64)
        {
            throw new ValidationException("metric", "metric is required: rtt, cpu_total_load, memory_used, network_egress_load, network_ingress_load, disk_used …");
        }

        var n = limit ?? 1000;
        if (n is < 1 or > MaxSeriesPoints)
        {
            throw new ValidationException("limit", $"limit must be between 1 and {MaxSeriesPoints}; got {n}.");
        }

        _ = await devices.GetAsync(deviceId, caller.Scope, ct) ?? throw new NotFoundException($"Device {deviceId} was not found.");
        var end = to ?? time.GetUtcNow().AddSeconds(1);
        var start = from ?? end - options.EvaluationWindow;
        if (start > end)
        {
            throw new ValidationException("from", $"from ({start:O}) is after to ({end:O}).");
        }

        return await measurements.ListAsync(caller.Scope, new MeasurementQuery([deviceId], [metric], start, end), n, ct);
    }
}
