using Qdms.Core.Engines;

namespace Qdms.Core.Tests.Engines;

/// <summary>
/// An engine whose behaviour a test sets through its type: fail to start, hang, wait on a gate, throw from its status.
/// It records what the manager did to it.
/// </summary>
internal sealed class FakeEngine(FakeEngineType type, EngineCreation creation) : IDmEngine
{
    private volatile bool _running;

    public EngineCreation Creation { get; } = creation;

    public bool Stopped { get; private set; }

    public EngineStatus Status
    {
        get
        {
            if (type.StatusThrowsFor.Contains(Creation.Alias))
            {
                throw new InvalidOperationException("status exploded");
            }

            return new EngineStatus(_running ? EngineState.Active : EngineState.Inactive, new Dictionary<string, string> { ["alias"] = Creation.Alias }, null);
        }
    }

    public async Task StartAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref type.Starts);
        if (type.StartGate is { } gate)
        {
            await gate.Task.WaitAsync(ct);
        }

        if (type.FailStartFor.TryGetValue(Creation.Alias, out var error))
        {
            throw new InvalidOperationException(error);
        }

        if (type.HangFor.Contains(Creation.Alias))
        {
            await Task.Delay(Timeout.Infinite, ct);
        }

        _running = true;
    }

    public Task StopAsync(CancellationToken ct)
    {
        _running = false;
        Stopped = true;
        Interlocked.Increment(ref type.Stops);
        return Task.CompletedTask;
    }
}
