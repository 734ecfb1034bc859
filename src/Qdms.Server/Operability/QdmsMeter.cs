using System.Diagnostics.Metrics;
using Qdms.Core.Engines;

namespace Qdms.Server.Operability;

/// <summary>QDMS's own meter: gauges of the inventory and the engines, read when /metrics is scraped.</summary>
internal sealed class QdmsMeter : IDisposable
{
    public const string Name = "Qdms";

    public QdmsMeter(IMeterFactory factory, EngineManager engines)
    {
        Meter = factory.Create(Name);
        Meter.CreateObservableGauge(
            "qdms.engine.state",
            () => engines.Snapshot().Select(e => new Measurement<int>(
                1,
                new KeyValuePair<string, object?>("type", e.Type),
                new KeyValuePair<string, object?>("alias", e.Alias),
                new KeyValuePair<string, object?>("index", e.Index),
                new KeyValuePair<string, object?>("state", e.State.ToString().ToLowerInvariant()))),
            description: "1 for each engine instance, labelled with its type, alias, index and state");
        Meter.CreateObservableGauge(
            "qdms.engines",
            () => engines.Snapshot().GroupBy(e => e.State).Select(g => new Measurement<int>(
                g.Count(), new KeyValuePair<string, object?>("state", g.Key.ToString().ToLowerInvariant()))),
            description: "Engine instances by state");
    }

    public Meter Meter { get; }

    public void Dispose() => Meter.Dispose();
}
