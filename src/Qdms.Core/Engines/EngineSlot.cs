namespace Qdms.Core.Engines;

/// <summary>
/// The runtime side of one engine instance on this node: the engine object while it runs, and a gate that serialises
/// start, stop and remove so two concurrent starts never start it twice.
/// </summary>
internal sealed class EngineSlot(EngineInstance instance)
{
    private volatile EngineInstance _instance = instance;
    private volatile IDmEngine? _engine;
    private volatile string? _lastError = instance.LastError;
    private volatile bool _removed;
    private int _state = (int)(instance.ActualState == EngineState.Failed ? EngineState.Failed : EngineState.Inactive);

    /// <summary>Held by whoever starts, stops or removes the instance.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public EngineInstance Instance { get => _instance; set => _instance = value; }

    /// <summary>The running engine; null when inactive or failed.</summary>
    public IDmEngine? Engine { get => _engine; set => _engine = value; }

    /// <summary>The manager's view of the state; while an engine runs, its own status wins.</summary>
    public EngineState State { get => (EngineState)Volatile.Read(ref _state); set => Volatile.Write(ref _state, (int)value); }

    public string? LastError { get => _lastError; set => _lastError = value; }

    /// <summary>Set under the gate when the instance is deleted; a start waiting on the gate then does nothing.</summary>
    public bool Removed { get => _removed; set => _removed = value; }

    /// <summary>QuerySts: the engine's own status while it runs (an engine that throws counts as failed), else the manager's.</summary>
    public EngineStatus Status()
    {
        var state = State;
        var engine = Engine;
        if (state != EngineState.Starting && engine is not null)
        {
            try
            {
                return engine.Status;
            }
            catch (Exception e) // an engine's fault never reaches the caller
            {
                return EngineStatus.FailedWith($"The engine's status threw {e.GetType().Name}: {e.Message}");
            }
        }

        return new EngineStatus(state, new Dictionary<string, string>(), LastError);
    }
}
