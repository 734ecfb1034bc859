using System.Diagnostics.Metrics;

namespace Qdms.Server.Operability;

/// <summary>QDMS's own meter: gauges of the inventory and the engines, read when /metrics is scraped.</summary>
internal sealed class QdmsMeter : IDisposable
{
    public const string Name = "Qdms";

    public QdmsMeter(IMeterFactory factory)
    {
        Meter = factory.Create(Name);
    }

    public Meter Meter { get; }

    public void Dispose() => Meter.Dispose();
}
