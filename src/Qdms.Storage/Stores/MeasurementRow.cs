using Qdms.Core.Measurements;

namespace Qdms.Storage.Stores;

/// <summary>A row of <c>measurements</c> as Dapper reads it (select <see cref="Columns"/>).</summary>
internal sealed class MeasurementRow
{
    public const string Columns =
        """
        id AS Id, tenant_id AS TenantId, device_id AS DeviceId, metric AS Metric, at AS At, minimum AS Minimum, maximum AS Maximum,
        mean AS Mean, median AS Median, current AS Current, count AS Count, loss_percent AS LossPercent, jitter AS Jitter,
        p95 AS P95, failed AS Failed
        """;

    public long Id { get; set; }
    public long TenantId { get; set; }
    public long DeviceId { get; set; }
    public string Metric { get; set; } = "";
    public long At { get; set; }
    public double? Minimum { get; set; }
    public double? Maximum { get; set; }
    public double? Mean { get; set; }
    public double? Median { get; set; }
    public double? Current { get; set; }
    public long Count { get; set; }
    public double? LossPercent { get; set; }
    public double? Jitter { get; set; }
    public double? P95 { get; set; }
    public bool Failed { get; set; }

    public Measurement ToMeasurement() =>
        new(TenantId, DeviceId, Metric, Time.FromDb(At), Minimum, Maximum, Mean, Median, Current, (int)Count, LossPercent, Jitter, P95, Failed);
}
