using System.Collections.Concurrent;

namespace Qdms.Scenarios.Running;

/// <summary>
/// Pause, resume and stop a run from outside; each takes effect at the next step boundary. Direct commands (the MDT monitor's
/// typed commands) are queued here and written at the next boundary, in order.
/// </summary>
public sealed class RunControl
{
    private readonly Lock _gate = new();
    private readonly ConcurrentQueue<byte[]> _direct = new();
    private TaskCompletionSource _resumed = NewResumed(true);
    private TaskCompletionSource _pausedAt = NewResumed(false);

    /// <summary>Whether a pause was asked for and not yet lifted.</summary>
    public bool IsPauseRequested { get; private set; }

    /// <summary>Whether stop was asked for.</summary>
    public bool IsStopRequested { get; private set; }

    /// <summary>Asks the run to pause at the next step boundary.</summary>
    public void Pause()
    {
        lock (_gate)
        {
            if (IsPauseRequested)
            {
                return;
            }

            IsPauseRequested = true;
            _resumed = NewResumed(false);
        }
    }

    /// <summary>Lets a paused run go on.</summary>
    public void Resume()
    {
        lock (_gate)
        {
            IsPauseRequested = false;
            _resumed.TrySetResult();
            if (_pausedAt.Task.IsCompleted)
            {
                _pausedAt = NewResumed(false);
            }
        }
    }

    /// <summary>Asks the run to stop at the next step boundary (a paused run stops at once).</summary>
    public void Stop()
    {
        lock (_gate)
        {
            IsStopRequested = true;
            _resumed.TrySetResult();
        }
    }

    /// <summary>Queues bytes to write at the next step boundary.</summary>
    public void SendDirect(byte[] data) => _direct.Enqueue(data);

    /// <summary>Completes when the run has next paused at a boundary (and stays completed until it resumes).</summary>
    public Task WhenPausedAsync()
    {
        lock (_gate)
        {
            return _pausedAt.Task;
        }
    }

    internal bool TryTakeDirect(out byte[] data) => _direct.TryDequeue(out data!);

    /// <summary>At a step boundary: true when the run may go on, false when it must stop. Waits while paused.</summary>
    internal async Task<bool> PassBoundaryAsync(Action onPaused, Action onResumed, CancellationToken ct)
    {
        Task wait;
        lock (_gate)
        {
            if (IsStopRequested)
            {
                return false;
            }

            if (!IsPauseRequested)
            {
                return true;
            }

            wait = _resumed.Task;
            _pausedAt.TrySetResult();
        }

        onPaused();
        await wait.WaitAsync(ct);
        if (IsStopRequested)
        {
            return false;
        }

        onResumed();
        return true;
    }

    private static TaskCompletionSource NewResumed(bool completed)
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            tcs.SetResult();
        }

        return tcs;
    }
}
