using System.Collections.Concurrent;
using Qdms.Core.Measurements;
using Qdms.Core.Security;
using Qdms.Qos.Metrics;

namespace Qdms.Qos.Window;

/// <summary>
/// The scored metric groups of every measured device, kept in memory for the evaluation horizon
/// (<c>evaluation.time.window</c>): fed as measurements are recorded, rebuilt from the store at start, read by filter and
/// sort without touching the database.
/// </summary>
public sealed class QosWindowStore
{
    private static readonly int GroupCount = QosMetrics.Groups.Count;
    private readonly ConcurrentDictionary<long, QosSeries[]> _devices = new();
    private readonly ConcurrentDictionary<long, long> _tenants = new();
    private long _horizonMs;

    public QosWindowStore(TimeSpan horizon) => Horizon = horizon;

    /// <summary>How far back each series keeps batches.</summary>
    public TimeSpan Horizon
    {
        get => TimeSpan.FromMilliseconds(Volatile.Read(ref _horizonMs));
        set => Volatile.Write(ref _horizonMs, (long)value.TotalMilliseconds);
    }

    /// <summary>Devices with at least one series.</summary>
    public int DeviceCount => _devices.Count;

    /// <summary>Adds a measurement of a scored group (others are ignored).</summary>
    public void Record(Measurement m)
    {
        if (!QosMetrics.TryFromStoreName(m.Metric, out var group))
        {
            return;
        }

        _tenants[m.DeviceId] = m.TenantId;
        var series = _devices.GetOrAdd(m.DeviceId, static _ => NewSeries())[(int)group];
        var entry = m.Failed || m.Minimum is null
            ? new WindowEntry(m.Time.ToUnixTimeMilliseconds(), 0, 0, 0, 0, 0, true)
            : new WindowEntry(m.Time.ToUnixTimeMilliseconds(), (float)m.Minimum.Value, (float)(m.Maximum ?? m.Minimum.Value),
                (float)(m.Mean ?? m.Minimum.Value), (float)(m.Median ?? m.Minimum.Value), (float)(m.Current ?? m.Minimum.Value), false);
        series.Append(entry, Volatile.Read(ref _horizonMs));
    }

    /// <summary>A device's statistics of one group over the window ending at <paramref name="now"/>; null when there is no batch in it.</summary>
    public WindowStats? Stats(long deviceId, QosMetricGroup group, DateTimeOffset now, TimeSpan window, double worst) =>
        _devices.TryGetValue(deviceId, out var series)
            ? series[(int)group].Stats(now.ToUnixTimeMilliseconds(), (long)window.TotalMilliseconds, worst)
            : null;

    /// <summary>A device's series, one per group in enum order; null when it has none. Lets a scorer look the device up once.</summary>
    internal QosSeries[]? SeriesOf(long deviceId) => _devices.GetValueOrDefault(deviceId);

    /// <summary>The devices with series that <paramref name="scope"/> allows (a device's tenant is its newest measurement's), by id.</summary>
    public IReadOnlyList<long> DevicesIn(TenantScope scope)
    {
        var ids = new List<long>();
        foreach (var (device, tenant) in _tenants)
        {
            if (scope.Allows(tenant) && _devices.ContainsKey(device))
            {
                ids.Add(device);
            }
        }

        ids.Sort();
        return ids;
    }

    /// <summary>Drops a device's series (it was forgotten).</summary>
    public void Forget(long deviceId)
    {
        _devices.TryRemove(deviceId, out _);
        _tenants.TryRemove(deviceId, out _);
    }

    public void Clear()
    {
        _devices.Clear();
        _tenants.Clear();
    }

    private static QosSeries[] NewSeries()
    {
        var series = new QosSeries[GroupCount];
        for (var i = 0; i < series.Length; i++)
        {
            series[i] = new QosSeries();
        }

        return series;
    }
}
