using System.Diagnostics.Metrics;
using Qdms.Core.Devices;
using Qdms.Core.Engines;
using Qdms.Core.Security;
using Qdms.Server.Endpoints;

namespace Qdms.Server.Operability;

/// <summary>QDMS's own meter: gauges of the inventory and the engines, read when /metrics is scraped.</summary>
internal sealed class QdmsMeter : IDisposable
{
    public const string Name = "Qdms";

    private readonly IDeviceStore _devices;
    private IReadOnlyDictionary<DeviceStatus, long> _deviceCounts = new Dictionary<DeviceStatus, long>();

    public QdmsMeter(IMeterFactory factory, EngineManager engines, IDeviceStore devices)
    {
        _devices = devices;
        Meter = factory.Create(Name);
        Meter.CreateObservableGauge(
            "qdms.devices",
            () => _deviceCounts.Select(c => new Measurement<long>(c.Value, new KeyValuePair<string, object?>("status", DeviceDtoMapping.Name(c.Key)))),
            description: "Devices of every tenant by status, counted when /metrics is scraped");
        Meter.CreateObservableGauge(
            "qdms.engine.state",
            () => engines.Snapshot().Select(e => new Measurement<int>(
                1,
                new KeyValuePair<string, object?>("type", e.Type),
                new KeyValuePair<string, object?>("alias", e.Alias),
                new KeyValuePair<string, object?>("index", e.Index),
                new KeyValuePair<string, object?>("state", e.State.ToWire()))),
            description: "1 for each engine instance, labelled with its type, alias, index and state");
        Meter.CreateObservableGauge(
            "qdms.engines",
            () => engines.Snapshot().GroupBy(e => e.State).Select(g => new Measurement<int>(
                g.Count(), new KeyValuePair<string, object?>("state", g.Key.ToWire()))),
            description: "Engine instances by state");
    }

    public Meter Meter { get; }

    /// <summary>Reads the figures that need the database; called before each scrape (gauge callbacks cannot await).</summary>
    public async Task RefreshAsync(CancellationToken ct) => _deviceCounts = await _devices.CountByStatusAsync(TenantScope.All, ct);

    public void Dispose() => Meter.Dispose();
}
