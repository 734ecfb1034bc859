using Qdms.Core.Engines;

namespace Qdms.Server.Hosting;

/// <summary>
/// Brings the engine instances back at start-up (each in its desired state) and stops them all at shut-down,
/// keeping their desired states for the next start.
/// </summary>
internal sealed class EngineHost(EngineManager manager) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => manager.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => manager.ShutdownAsync(cancellationToken);
}
