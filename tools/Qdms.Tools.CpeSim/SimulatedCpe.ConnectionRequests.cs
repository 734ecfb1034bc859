using System.Collections.Concurrent;
using Qdms.Protocols.Cwmp.Messages;

namespace Qdms.Tools.CpeSim;

/// <summary>The CPE's side of connection requests: a session with 6 CONNECTION REQUEST once a request was accepted.</summary>
public sealed partial class SimulatedCpe
{
    private readonly Lock _wakeLock = new();
    private int _waking;
    private TaskCompletionSource<IReadOnlyList<SessionOutcome>>? _nextWake;

    /// <summary>How this CPE checks connection requests (<see cref="CpeOptions.ConnectionRequestAuth"/>).</summary>
    public CpeConnectionRequestAuth ConnectionRequestAuth => _options.ConnectionRequestAuth;

    /// <summary>How each accepted connection request authenticated (<c>Digest SHA-256</c>, <c>Digest MD5</c>, <c>Basic</c>, <c>none</c>).</summary>
    public ConcurrentQueue<string> ConnectionRequests { get; } = new();

    /// <summary>Completes with the outcomes of the next session a connection request starts (and its follow-ups).</summary>
    public Task<IReadOnlyList<SessionOutcome>> NextConnectionRequestSessionAsync()
    {
        lock (_wakeLock)
        {
            _nextWake ??= new TaskCompletionSource<IReadOnlyList<SessionOutcome>>(TaskCreationOptions.RunContinuationsAsynchronously);
            return _nextWake.Task;
        }
    }

    /// <summary>
    /// Runs the session a connection request asks for (TR-069 §3.2.2: Inform with 6 CONNECTION REQUEST), unless one already runs;
    /// null when skipped.
    /// </summary>
    public async Task<IReadOnlyList<SessionOutcome>?> ConnectionRequestedAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _waking, 1) == 1)
        {
            return null;
        }

        IReadOnlyList<SessionOutcome> outcomes;
        try
        {
            outcomes = await RunAsync([new InformEvent("6 CONNECTION REQUEST")], ct);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            outcomes = [new SessionOutcome(false, 0, 0, e.Message)];
        }
        finally
        {
            Volatile.Write(ref _waking, 0);
        }

        TaskCompletionSource<IReadOnlyList<SessionOutcome>>? waiting;
        lock (_wakeLock)
        {
            (waiting, _nextWake) = (_nextWake, null);
        }

        waiting?.TrySetResult(outcomes);
        return outcomes;
    }
}
