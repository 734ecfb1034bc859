using System.Collections.Concurrent;
using Qdms.Core.Engines;

namespace Qdms.Core.Tests.Engines;

/// <summary>A service component that writes what happened to it into a shared journal, and can be told to fail.</summary>
internal sealed class RecordingComponent(string name, ConcurrentQueue<string> journal, bool failStart = false) : IQdmsServiceComponent
{
    public string Name => name;

    public Task StartAsync(CancellationToken ct)
    {
        journal.Enqueue($"start {name}");
        return failStart ? throw new InvalidOperationException($"{name} cannot start") : Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct)
    {
        journal.Enqueue($"stop {name}");
        return Task.CompletedTask;
    }
}
