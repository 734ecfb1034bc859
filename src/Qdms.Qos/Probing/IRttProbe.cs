using System.Net;

namespace Qdms.Qos.Probing;

/// <summary>One round trip to a device.</summary>
public interface IRttProbe
{
    RttMethod Method { get; }

    /// <summary>The round-trip time in microseconds, or null when no answer came within <paramref name="timeout"/> (loss).</summary>
    Task<double?> ProbeAsync(IPAddress address, TimeSpan timeout, CancellationToken ct);
}
