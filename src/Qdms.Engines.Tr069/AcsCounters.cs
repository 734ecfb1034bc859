namespace Qdms.Engines.Tr069;

/// <summary>The engine's running totals, shown in its status (updated with <see cref="Interlocked"/>).</summary>
internal sealed class AcsCounters
{
    public long SessionsStarted;
    public long SessionsRefused;
    public long BadRequests;
    public long AuthFailures;
    public long SessionsShed;
}
