using Qdms.Core.Engines;

namespace Qdms.Core.Live;

/// <summary>
/// The engine instance store, publishing each instance the manager adds, removes or records a state for (wanted state,
/// actual state with the last error). A running engine that breaks without the manager noticing is not published until it does.
/// </summary>
internal sealed class LiveEngineInstanceStore(IEngineInstanceStore inner, LiveHub hub) : IEngineInstanceStore
{
    public Task<IReadOnlyList<EngineInstance>> ListAsync(CancellationToken ct) => inner.ListAsync(ct);

    public Task<EngineInstance?> GetAsync(long id, CancellationToken ct) => inner.GetAsync(id, ct);

    public async Task<EngineInstance> CreateAsync(string type, string alias, string config, DateTimeOffset now, CancellationToken ct)
    {
        var instance = await inner.CreateAsync(type, alias, config, now, ct);
        hub.Publish(new EngineChanged(instance, Removed: false));
        return instance;
    }

    public async Task UpdateDesiredStateAsync(long id, EngineDesiredState desired, DateTimeOffset now, CancellationToken ct)
    {
        await inner.UpdateDesiredStateAsync(id, desired, now, ct);
        await PublishAsync(id);
    }

    public async Task UpdateActualStateAsync(long id, EngineState actual, string? node, string? lastError, DateTimeOffset now, CancellationToken ct)
    {
        await inner.UpdateActualStateAsync(id, actual, node, lastError, now, ct);
        await PublishAsync(id);
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken ct)
    {
        var instance = hub.HasSubscribers ? await inner.GetAsync(id, ct) : null;
        var deleted = await inner.DeleteAsync(id, ct);
        if (deleted && instance is not null)
        {
            hub.Publish(new EngineChanged(instance, Removed: true));
        }

        return deleted;
    }

    private async Task PublishAsync(long id)
    {
        if (!hub.HasSubscribers)
        {
            return;
        }

        try
        {
            if (await inner.GetAsync(id, CancellationToken.None) is { } instance)
            {
                hub.Publish(new EngineChanged(instance, Removed: false));
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // live messages are best effort; the engine list stays the truth
        }
    }
}
