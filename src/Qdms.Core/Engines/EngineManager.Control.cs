using Qdms.Core.Errors;
using Qdms.Core.Security;

namespace Qdms.Core.Engines;

public sealed partial class EngineManager
{
    /// <summary>
    /// StartDmEngine (IF-01-06): marks the instance (index 0: every instance of the type) to run and starts it.
    /// Returns each one's status afterwards: a start that fails shows as <see cref="EngineState.Failed"/> with its error,
    /// and does not stop the others. Starting a running engine changes nothing. While the service is stopped this is a 409.
    /// </summary>
    public async Task<IReadOnlyList<EngineView>> StartAsync(Caller caller, string type, int index, CancellationToken ct)
    {
        caller.Require(Role.Sysop);
        var slots = await ResolveAsync(type, index, ct);
        if (!IsRunning)
        {
            throw new ConflictException("The QDMS service is stopped; start the service first, then its engines.");
        }

        return await ApplyDesiredStateAsync(caller, slots, EngineDesiredState.Running, StartEngineAsync, "engine.start", ct);
    }

    /// <summary>StopDmEngine (IF-01-07): marks the instance (index 0: every instance of the type) stopped and stops it.</summary>
    public async Task<IReadOnlyList<EngineView>> StopAsync(Caller caller, string type, int index, CancellationToken ct)
    {
        caller.Require(Role.Sysop);
        var slots = await ResolveAsync(type, index, ct);
        return await ApplyDesiredStateAsync(caller, slots, EngineDesiredState.Stopped, StopEngineUnderGateAsync, "engine.stop", ct);
    }

    /// <summary>For each instance: persist the desired state, bring the engine to it, and audit the outcome.</summary>
    private async Task<IReadOnlyList<EngineView>> ApplyDesiredStateAsync(
        Caller caller, IReadOnlyList<EngineSlot> slots, EngineDesiredState desired, Func<EngineSlot, Task> apply, string action, CancellationToken ct)
    {
        var views = new List<EngineView>(slots.Count);
        foreach (var slot in slots)
        {
            await store.UpdateDesiredStateAsync(slot.Instance.Id, desired, time.GetUtcNow(), ct);
            slot.Instance = slot.Instance with { DesiredState = desired };
            await apply(slot);
            var view = ViewOf(slot);
            views.Add(view);
            await audit.RecordAsync(caller, action, Target(slot.Instance), null, Outcome(view), CancellationToken.None);
        }

        return views;
    }

    /// <summary>
    /// Starts one instance unless it already runs. Never throws for the engine's faults: they become Failed and the last error.
    /// Engine calls get <see cref="EngineTimeout"/>, not the caller's token, so a client that hangs up leaves no half-started engine.
    /// </summary>
    private async Task StartEngineAsync(EngineSlot slot)
    {
        await slot.Gate.WaitAsync();
        try
        {
            if (slot.Removed || !_running)
            {
                return; // removed meanwhile, or the service was stopped while this start waited
            }

            if (slot.Engine is not null)
            {
                if (slot.Status().State == EngineState.Active)
                {
                    return;
                }

                await StopEngineAsync(slot); // it broke while running: replace it with a fresh one
            }

            slot.State = EngineState.Starting;
            slot.LastError = null;
            IDmEngine? engine = null;
            try
            {
                if (!types.TryGet(slot.Instance.Type, out var type))
                {
                    throw new InvalidOperationException($"The engine type '{slot.Instance.Type}' is not installed on this server.");
                }

                using var config = System.Text.Json.JsonDocument.Parse(slot.Instance.Config);
                engine = type.Create(new EngineCreation(slot.Instance.Type, slot.Instance.Alias, slot.Instance.Index, config.RootElement.Clone()));
                using var timeout = new CancellationTokenSource(EngineTimeout);
                await engine.StartAsync(timeout.Token).WaitAsync(EngineTimeout);
                slot.Engine = engine;
                slot.State = EngineState.Active;
                LogStarted(logger, slot.Instance.Type, slot.Instance.Alias, slot.Instance.Index);
            }
            catch (Exception e) // an engine's fault never reaches the host
            {
                var error = e is TimeoutException or OperationCanceledException
                    ? $"The engine did not start within {EngineTimeout.TotalSeconds:0} s."
                    : e.Message;
                slot.Engine = null;
                slot.State = EngineState.Failed;
                slot.LastError = error;
                LogStartFailed(logger, e, slot.Instance.Type, slot.Instance.Alias, slot.Instance.Index, error);
                if (engine is not null)
                {
                    await SafeStopAsync(slot, engine);
                }
            }

            await PersistActualAsync(slot);
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    private async Task StopEngineUnderGateAsync(EngineSlot slot)
    {
        await slot.Gate.WaitAsync();
        try
        {
            if (!slot.Removed)
            {
                await StopEngineAsync(slot);
            }
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    /// <summary>Stops the instance's engine, if any; the caller holds the gate. Leaves the instance Inactive.</summary>
    private async Task StopEngineAsync(EngineSlot slot)
    {
        var engine = slot.Engine;
        var wasFailed = slot.State == EngineState.Failed;
        if (engine is null && slot.State == EngineState.Inactive)
        {
            return;
        }

        slot.Engine = null;
        slot.State = EngineState.Inactive;
        slot.LastError = null;
        if (engine is not null)
        {
            slot.LastError = await SafeStopAsync(slot, engine);
            LogStopped(logger, slot.Instance.Type, slot.Instance.Alias, slot.Instance.Index);
        }

        if (engine is not null || wasFailed)
        {
            await PersistActualAsync(slot);
        }
    }

    /// <summary>Stops an engine within <see cref="EngineTimeout"/>; returns the error, if it failed.</summary>
    private async Task<string?> SafeStopAsync(EngineSlot slot, IDmEngine engine)
    {
        try
        {
            using var timeout = new CancellationTokenSource(EngineTimeout);
            await engine.StopAsync(timeout.Token).WaitAsync(EngineTimeout);
            return null;
        }
        catch (Exception e) // an engine's fault never reaches the host
        {
            LogStopFailed(logger, e, slot.Instance.Type, slot.Instance.Alias, slot.Instance.Index);
            return e is TimeoutException or OperationCanceledException
                ? $"The engine did not stop within {EngineTimeout.TotalSeconds:0} s."
                : $"Stopping failed: {e.Message}";
        }
    }

    /// <summary>Records the state this node sees in the database; a database fault is logged, not thrown (the engine already changed).</summary>
    private async Task PersistActualAsync(EngineSlot slot)
    {
        try
        {
            var status = slot.Status();
            await store.UpdateActualStateAsync(slot.Instance.Id, status.State, Node, status.LastError, time.GetUtcNow(), CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogPersistFailed(logger, e, slot.Instance.Type, slot.Instance.Alias);
        }
    }

    private static string Outcome(EngineView view) =>
        $"index {view.Instance.Index}: {view.Status.State.ToString().ToLowerInvariant()}"
        + (view.Status.LastError is { } error ? $" ({error})" : "");
}
