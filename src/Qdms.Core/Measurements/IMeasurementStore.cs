using Qdms.Core.Security;

namespace Qdms.Core.Measurements;

/// <summary>Measurements of devices, indexed by (device, time) and by (metric, time).</summary>
public interface IMeasurementStore
{
    /// <summary>Stores many measurements in one transaction.</summary>
    Task AppendAsync(IReadOnlyList<Measurement> measurements, CancellationToken ct);

    /// <summary>
    /// The measurements in <paramref name="scope"/> matching <paramref name="query"/>, ordered by time then device,
    /// at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<Measurement>> ListAsync(TenantScope scope, MeasurementQuery query, int limit, CancellationToken ct);

    /// <summary>Deletes measurements older than <paramref name="cutoff"/> in bulk; returns how many.</summary>
    Task<long> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken ct);

    /// <summary>Deletes every measurement of one device (the device was forgotten); returns how many.</summary>
    Task<long> DeleteForDeviceAsync(long deviceId, CancellationToken ct);
}
