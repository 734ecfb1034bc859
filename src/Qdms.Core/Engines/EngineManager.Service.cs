using System.Collections.Concurrent;
using Qdms.Core.Security;

namespace Qdms.Core.Engines;

public sealed partial class EngineManager
{
    private readonly SemaphoreSlim _serviceGate = new(1, 1);
    private readonly ConcurrentDictionary<string, ComponentReport> _componentStates = new(StringComparer.Ordinal);
    private volatile bool _running;
    private DateTimeOffset? _startedAt;

    /// <summary>True while the QDMS service runs (from start-up, or StartQdmsService, until StopQdmsService or shut-down).</summary>
    public bool IsRunning => _running;

    /// <summary>
    /// Start-up: loads every instance and starts the service, which starts each instance whose desired state is Running.
    /// The server's hosted service calls it once, after migrations. The service always starts with the process: a
    /// StopQdmsService is not remembered across restarts, while each engine's own desired state is.
    /// </summary>
    public Task InitializeAsync(CancellationToken ct) => StartServiceCoreAsync(ct);

    /// <summary>Shut-down of the process: stops everything and records the engines inactive, keeping their desired states.</summary>
    public Task ShutdownAsync(CancellationToken ct) => StopServiceCoreAsync(ct);

    /// <summary>StartQdmsService (IF-01-01): starts the engines whose desired state is Running, then the components. Idempotent.</summary>
    public async Task<ServiceReport> StartServiceAsync(Caller caller, CancellationToken ct)
    {
        caller.Require(Role.Sysop);
        if (await StartServiceCoreAsync(ct))
        {
            await audit.RecordAsync(caller, "service.start", "service", null, null, ct);
        }

        return await ReportCoreAsync(ct);
    }

    /// <summary>
    /// StopQdmsService (IF-01-02): stops the components, then every engine instance. Desired states are kept, so a later
    /// start brings back what ran. The API stays up to report and to start the service again. Idempotent.
    /// </summary>
    public async Task<ServiceReport> StopServiceAsync(Caller caller, CancellationToken ct)
    {
        caller.Require(Role.Sysop);
        if (await StopServiceCoreAsync(ct))
        {
            await audit.RecordAsync(caller, "service.stop", "service", null, null, ct);
        }

        return await ReportCoreAsync(ct);
    }

    /// <summary>ReportQdmsService (IF-01-03).</summary>
    public Task<ServiceReport> ReportAsync(Caller caller, CancellationToken ct)
    {
        caller.Require(Role.Viewer);
        return ReportCoreAsync(ct);
    }

    private async Task<ServiceReport> ReportCoreAsync(CancellationToken ct)
    {
        var engines = (await RefreshAsync(ct)).Select(ViewOf).ToList();
        var startedAt = _startedAt;
        var uptime = _running && startedAt is { } at ? time.GetUtcNow() - at : TimeSpan.Zero;
        var parts = _components.Select(c => _componentStates.GetValueOrDefault(c.Name) ?? new ComponentReport(c.Name, false, null)).ToList();
        return new ServiceReport(_running, _running ? startedAt : null, uptime, Node, engines, parts);
    }

    /// <summary>Returns false when the service already ran.</summary>
    private async Task<bool> StartServiceCoreAsync(CancellationToken ct)
    {
        await _serviceGate.WaitAsync(ct);
        try
        {
            if (_running)
            {
                return false;
            }

            var slots = await RefreshAsync(ct);
            _startedAt = time.GetUtcNow();
            _running = true;
            var wanted = slots.Where(s => s.Instance.DesiredState == EngineDesiredState.Running).ToList();
            await Task.WhenAll(wanted.Select(StartEngineAsync));
            foreach (var component in _components)
            {
                await RunComponentAsync(component, start: true);
            }

            LogServiceStarted(logger, wanted.Count(s => s.Status().State == EngineState.Active), slots.Count);
            return true;
        }
        finally
        {
            _serviceGate.Release();
        }
    }

    /// <summary>Returns false when the service was already stopped.</summary>
    private async Task<bool> StopServiceCoreAsync(CancellationToken ct)
    {
        await _serviceGate.WaitAsync(ct);
        try
        {
            if (!_running)
            {
                return false;
            }

            _running = false;
            foreach (var component in _components.Reverse())
            {
                await RunComponentAsync(component, start: false);
            }

            await Task.WhenAll(_slots.Values.Select(StopEngineUnderGateAsync));
            LogServiceStopped(logger);
            return true;
        }
        finally
        {
            _serviceGate.Release();
        }
    }

    private async Task RunComponentAsync(IQdmsServiceComponent component, bool start)
    {
        try
        {
            using var timeout = new CancellationTokenSource(EngineTimeout);
            var task = start ? component.StartAsync(timeout.Token) : component.StopAsync(timeout.Token);
            await task.WaitAsync(EngineTimeout);
            _componentStates[component.Name] = new ComponentReport(component.Name, start, null);
        }
        catch (Exception e) // a component's fault never reaches the host
        {
            LogComponentFailed(logger, e, component.Name, start ? "start" : "stop");
            _componentStates[component.Name] = new ComponentReport(component.Name, false, $"{(start ? "start" : "stop")} failed: {e.Message}");
        }
    }
}
