using Qdms.Core.Errors;
using Qdms.Core.Qos;
using Qdms.Core.Security;
using Qdms.Qos.Configuration;
using Qdms.Qos.Journal;
using Qdms.Qos.Metrics;
using Qdms.Qos.Targets;

namespace Qdms.Qos.Services;

/// <summary>
/// Arrowhead's deviceQualityDataManagement (query, reload) and generalManagement (logs, get-config), behind
/// <see cref="QosAccess.RequireManagement"/>. Queries see the caller's scope only.
/// </summary>
public sealed class QosManagementService(
    QosOptions options, QosTargets targets, QosOrganizer organizer, IQosMeasurementQueryStore measurements, IQosLogStore logs, TimeProvider time)
{
    public async Task<QosQueryResult> QueryAsync(Caller caller, QosQueryRequest request, CancellationToken ct)
    {
        QosAccess.RequireManagement(caller, options);
        if (!QosMetrics.TryParseGroup(request.MetricGroup, out var group))
        {
            throw new ValidationException("metricGroup",
                $"metricGroup '{request.MetricGroup}' is not one of {string.Join(", ", QosMetrics.Groups.Select(g => g.WireName()))}.");
        }

        var aggregation = new List<QosStatistic>();
        foreach (var name in request.Aggregation is { Count: > 0 } a ? a : Enum.GetValues<QosStatistic>().Select(s => s.WireName()))
        {
            if (!QosMetrics.TryParseStatistic(name, out var s))
            {
                throw new ValidationException("aggregation", $"aggregation '{name}' is not one of MINIMUM, MAXIMUM, MEAN, MEDIAN, CURRENT.");
            }

            if (!aggregation.Contains(s))
            {
                aggregation.Add(s);
            }
        }

        var (page, size, descending, byId) = Paging(request.Page, request.Size, request.Direction, request.SortField);
        var to = request.To ?? time.GetUtcNow().AddSeconds(1);
        var from = request.From ?? to - TimeSpan.FromMinutes(options.RawMeasurementMaxAgeMinutes);
        if (from > to)
        {
            throw new ValidationException("from", $"from ({from:O}) is after to ({to:O}).");
        }

        IReadOnlyList<long>? devices = null;
        if (request.SystemNames is { Count: > 0 } names)
        {
            var set = targets.Current;
            devices = names.Select(n => set.Resolve(caller.Scope, n)).OfType<long>().Distinct().ToList();
            if (devices.Count == 0)
            {
                return new QosQueryResult([], 0, aggregation);
            }
        }

        var (items, total) = await measurements.QueryAsync(caller.Scope,
            new QosMeasurementPageQuery(group.StoreName(), devices, from, to, descending, byId), page * size, size, ct);
        var current = targets.Current;
        var records = items.Select(r => new QosQueryRecord(group, r, QosDeviceUuid.Of(r.Measurement.DeviceId),
            current.Device(r.Measurement.DeviceId)?.Systems ?? [])).ToList();
        return new QosQueryResult(records, total, aggregation);
    }

    public Task<QosSyncResult> ReloadAsync(Caller caller, CancellationToken ct)
    {
        QosAccess.RequireManagement(caller, options);
        return organizer.SyncAsync(ct);
    }

    public async Task<(IReadOnlyList<QosLogEntry> Items, long Total)> LogsAsync(
        Caller caller, DateTimeOffset? from, DateTimeOffset? to, string? severity, string? logger, int? page, int? size, string? direction, CancellationToken ct)
    {
        QosAccess.RequireManagement(caller, options);
        int? level = null;
        if (!string.IsNullOrEmpty(severity) && !string.Equals(severity, "ALL", StringComparison.OrdinalIgnoreCase))
        {
            var index = QosJournal.Levels.ToList().FindIndex(l => string.Equals(l, severity, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                throw new ValidationException("severity", $"severity '{severity}' is not one of ALL, {string.Join(", ", QosJournal.Levels)}.");
            }

            level = index;
        }

        var (p, s, descending, _) = Paging(page, size, direction, "timestamp");
        return await logs.ListAsync(new QosLogQuery(from, to, level, logger, !descending), p * s, s, ct);
    }

    /// <summary>The settings named in <paramref name="keys"/> (all when none) under their Arrowhead names; unknown keys are left out.</summary>
    public IReadOnlyDictionary<string, string> GetConfig(Caller caller, IReadOnlyList<string>? keys)
    {
        QosAccess.RequireManagement(caller, options);
        var wanted = keys is { Count: > 0 } ? keys.ToHashSet(StringComparer.Ordinal) : null;
        return QosConfigKeys.All.Where(k => wanted is null || wanted.Contains(k.Arrowhead))
            .ToDictionary(k => k.Arrowhead, k => k.Value(options), StringComparer.Ordinal);
    }

    private (int Page, int Size, bool Descending, bool ById) Paging(int? page, int? size, string? direction, string? sortField)
    {
        var p = page ?? 0;
        var s = size ?? Math.Min(options.MaxPageSize, 100);
        if (p < 0)
        {
            throw new ValidationException("pagination.page", $"pagination.page is {p}: pages count from 0.");
        }

        if (s < 1 || s > options.MaxPageSize)
        {
            throw new ValidationException("pagination.size", $"pagination.size is {s}: it must be between 1 and max.page.size ({options.MaxPageSize}).");
        }

        var descending = (direction ?? "ASC").ToUpperInvariant() switch
        {
            "ASC" => false,
            "DESC" => true,
            _ => throw new ValidationException("pagination.direction", $"pagination.direction '{direction}' is not ASC or DESC."),
        };
        var byId = (sortField ?? "timestamp").ToLowerInvariant() switch
        {
            "timestamp" or "" => false,
            "id" => true,
            _ => throw new ValidationException("pagination.sortField", $"pagination.sortField '{sortField}' is not timestamp or id."),
        };
        return (p, s, descending, byId);
    }
}
