using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Qdms.Contracts;
using Qdms.Core.Audit;
using Qdms.Core.Devices;
using Qdms.Core.Errors;
using Qdms.Core.Events;
using Qdms.Core.Paging;
using Qdms.Core.Scenarios;
using Qdms.Core.Security;
using Qdms.Scenarios.Format;
using Qdms.Scenarios.Kpis;
using Qdms.Scenarios.Running;

namespace Qdms.Scenarios.Hosting;

/// <summary>
/// Starts scenario runs (operators) against a device, a device group, a target or the scenario's own transport; runs them in
/// the background on this node; streams their events live; stores each result and NDJSON log when it ends; and turns a
/// failed threshold on a device's run into a device event (source <c>scenario</c>, type <c>threshold</c>).
/// </summary>
public sealed partial class ScenarioRunService(
    IScenarioStore scenarios,
    IScenarioRunStore runs,
    IDeviceStore devices,
    IDeviceEventStore events,
    AuditLog audit,
    IOptions<ScenarioOptions> options,
    TimeProvider time,
    ILogger<ScenarioRunService> logger) : IAsyncDisposable
{
    /// <summary>Devices one group run may cover.</summary>
    public const int MaxGroupDevices = 1000;

    /// <summary>Event lines a stored log keeps.</summary>
    public const int MaxLogLines = 200_000;

    /// <summary>The JSON options of stored results (web defaults: camelCase).</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentDictionary<long, ActiveRun> _active = new();

    /// <summary>This node's name (the host name, as engine leases use).</summary>
    public static string Node { get; } = Environment.MachineName;
    private readonly CancellationTokenSource _shutdown = new();

    /// <summary>Starts one run per target; returns the run records (state running).</summary>
    public async Task<IReadOnlyList<ScenarioRunRecord>> StartAsync(Caller caller, long scenarioId, StartScenarioRunRequest request, CancellationToken ct)
    {
        caller.Require(Role.Operator);
        var scenario = await scenarios.GetAsync(scenarioId, caller.Scope, ct) ?? throw NotFoundException.For("scenario", scenarioId);
        var (doc, problems) = ScenarioService.Check(scenario.Text);
        if (doc is null)
        {
            throw new UnprocessableException($"scenario {scenarioId} no longer validates: {string.Join("; ", problems)}");
        }

        if (request.StartAt is { } start && doc.IndexOf(start) < 0)
        {
            throw new ValidationException("startAt", $"there is no step '{start}'; the steps are {string.Join(", ", doc.Steps.Select(s => s.Id))}.");
        }

        var given = new[] { request.DeviceId is not null, request.Group is not null, request.Target is not null }.Count(b => b);
        if (given > 1)
        {
            throw new ValidationException("deviceId", "give at most one of deviceId, group and target.");
        }

        var targets = new List<(long? DeviceId, string? Target)>();
        if (request.DeviceId is { } deviceId)
        {
            var device = await devices.GetAsync(deviceId, caller.Scope, ct) ?? throw NotFoundException.For("device", deviceId);
            targets.Add((device.Id, ScenarioTargets.For(device, doc.Transport)
                ?? throw new UnprocessableException($"device {deviceId} has no {(doc.Transport.Kind == TransportKind.Serial ? "serial port (a 'serial' identity)" : "address")} for a {doc.Transport.Kind.ToString().ToLowerInvariant()} scenario.")));
        }
        else if (request.Group is { } group)
        {
            targets.AddRange(await GroupTargetsAsync(caller, scenario.TenantId, group, doc, ct));
        }
        else
        {
            targets.Add((null, string.IsNullOrWhiteSpace(request.Target) ? null : request.Target.Trim()));
        }

        if (doc.Transport.Kind == TransportKind.Serial)
        {
            foreach (var (_, target) in targets)
            {
                SerialPortPolicy.Require(options.Value.EffectiveSerialPorts, target ?? doc.Transport.Device ?? "");
            }
        }

        var started = new List<ScenarioRunRecord>();
        foreach (var (targetDevice, target) in targets)
        {
            var record = await runs.CreateAsync(new ScenarioRunRecord(0, scenario.TenantId, scenario.Id, scenario.Revision, targetDevice, target, ScenarioRunState.Running,
                null, null, caller.Username, time.GetUtcNow(), null, null, Node), ct);
            Launch(record, scenario.Name, doc, new RunOptions { StartAt = request.StartAt, Target = target, Variables = request.Variables ?? new Dictionary<string, string>() });
            started.Add(record);
        }

        await audit.RecordAsync(caller, "scenario.run", $"scenario/{scenarioId}", scenario.TenantId,
            $"{started.Count} run(s): {string.Join(", ", started.Select(r => $"run/{r.Id}"))}", ct);
        return started;
    }

    private async Task<List<(long?, string?)>> GroupTargetsAsync(Caller caller, long tenantId, string group, ScenarioDocument doc, CancellationToken ct)
    {
        var list = new List<(long?, string?)>();
        long after = 0;
        while (true)
        {
            var batch = await devices.ListAfterAsync(caller.Scope, new DeviceQuery(Group: group), after, 200, ct);
            foreach (var d in batch.Where(d => d.TenantId == tenantId))
            {
                if (ScenarioTargets.For(d, doc.Transport) is { } t)
                {
                    list.Add((d.Id, t));
                }
            }

            if (batch.Count < 200)
            {
                break;
            }

            after = batch[^1].Id;
            if (list.Count > MaxGroupDevices)
            {
                throw new UnprocessableException($"group '{group}' has more than {MaxGroupDevices} devices with a target; run smaller groups.");
            }
        }

        return list.Count > 0 ? list : throw new UnprocessableException($"no device of group '{group}' has a target for this scenario's {doc.Transport.Kind.ToString().ToLowerInvariant()} transport.");
    }

    private void Launch(ScenarioRunRecord record, string name, ScenarioDocument doc, RunOptions options)
    {
        var active = new ActiveRun(record, new RunControl(), new RunFeed(MaxLogLines));
        _active[record.Id] = active;
        active.Completion = Task.Run(() => ExecuteAsync(active, name, doc, options with { Control = active.Control, Sinks = [active.Feed] }));
    }

    private async Task ExecuteAsync(ActiveRun active, string name, ScenarioDocument doc, RunOptions options)
    {
        var record = active.Record;
        try
        {
            RunResult result;
            try
            {
                result = await ScenarioRunner.RunAsync(doc, options, _shutdown.Token);
            }
            catch (OperationCanceledException)
            {
                await runs.FinishAsync(record.Id, ScenarioRunState.Error, "error", "the server stopped during the run", time.GetUtcNow(), "null", active.Feed.Log(), CancellationToken.None);
                return;
            }

            var dto = result.ToDto();
            await runs.FinishAsync(record.Id, State(result.Status), dto.Verdict, result.Message, time.GetUtcNow(), JsonSerializer.Serialize(dto, Json), active.Feed.Log(),
                CancellationToken.None);
            LogFinished(logger, record.Id, name, dto.Status, dto.Verdict);
            if (record.DeviceId is { } deviceId && result.Thresholds.Any(t => !t.Passed))
            {
                await RaiseThresholdEventAsync(record, deviceId, name, result);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, record.Id, e);
        }
        finally
        {
            active.Feed.Complete();
            _active.TryRemove(record.Id, out _);
        }
    }

    private async Task RaiseThresholdEventAsync(ScenarioRunRecord record, long deviceId, string name, RunResult result)
    {
        var failed = result.Thresholds.Where(t => !t.Passed).ToList();
        var message = $"scenario '{name}' run {record.Id}: " + string.Join(", ", failed.Select(t =>
            $"{t.Threshold.Text} failed ({t.Threshold.Subject} = {(t.Actual is { } a ? a.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture) : "no value")})"));
        var data = JsonSerializer.Serialize(new
        {
            scenarioId = record.ScenarioId,
            runId = record.Id,
            thresholds = result.Thresholds.Select(t => new { threshold = t.Threshold.Text, actual = t.Actual, passed = t.Passed }),
        }, Json);
        await events.AppendAsync([new NewDeviceEvent(record.TenantId, deviceId, "scenario", "threshold", EventSeverity.Major, time.GetUtcNow(), message, record.Target, data)],
            CancellationToken.None);
    }

    private static ScenarioRunState State(RunStatus s) => s switch
    {
        RunStatus.Completed => ScenarioRunState.Completed,
        RunStatus.Aborted => ScenarioRunState.Aborted,
        RunStatus.LimitReached => ScenarioRunState.LimitReached,
        RunStatus.Stopped => ScenarioRunState.Stopped,
        _ => ScenarioRunState.Error,
    };

    public async Task<ScenarioRunRecord> GetAsync(Caller caller, long runId, CancellationToken ct)
    {
        caller.Require(Role.Viewer);
        return await runs.GetAsync(runId, caller.Scope, ct) ?? throw NotFoundException.For("scenario run", runId);
    }

    public async Task<Page<ScenarioRunRecord>> ListAsync(Caller caller, long? scenarioId, long? deviceId, PageRequest page, CancellationToken ct)
    {
        caller.Require(Role.Viewer);
        if (scenarioId is { } s)
        {
            _ = await scenarios.GetAsync(s, caller.Scope, ct) ?? throw NotFoundException.For("scenario", s);
        }

        return await runs.ListAsync(caller.Scope, scenarioId, deviceId, page, ct);
    }

    /// <summary>The run's events as NDJSON lines: live (from the start) while it runs here, else from its stored log.</summary>
    public async IAsyncEnumerable<string> EventsAsync(Caller caller, long runId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var run = await GetAsync(caller, runId, ct);
        if (_active.TryGetValue(run.Id, out var active))
        {
            var reader = active.Feed.Subscribe();
            try
            {
                await foreach (var line in reader.ReadAllAsync(ct))
                {
                    yield return line;
                }
            }
            finally
            {
                active.Feed.Unsubscribe(reader);
            }

            yield break;
        }

        var log = await runs.GetLogAsync(run.Id, caller.Scope, ct) ?? "";
        foreach (var line in log.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            yield return line;
        }
    }

    /// <summary>The stored log as text lines in a view (HEX, ASCII or both); 409 while the run is still going.</summary>
    public async Task<string> LogTextAsync(Caller caller, long runId, LogView view, CancellationToken ct)
    {
        var run = await GetAsync(caller, runId, ct);
        var log = await runs.GetLogAsync(run.Id, caller.Scope, ct) ?? throw new ConflictException($"run {runId} has no log yet; follow its events while it runs.");
        var lines = new List<string>();
        foreach (var line in log.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            try
            {
                lines.Add(RunEventText.Format(RunEventJson.Read(line), view));
            }
            catch (FormatException)
            {
                lines.Add(line);
            }
        }

        return string.Join('\n', lines) + "\n";
    }

    public Task PauseAsync(Caller caller, long runId, CancellationToken ct) => ControlAsync(caller, runId, "pause", c => c.Pause(), ct);

    public Task ResumeAsync(Caller caller, long runId, CancellationToken ct) => ControlAsync(caller, runId, "resume", c => c.Resume(), ct);

    public Task StopAsync(Caller caller, long runId, CancellationToken ct) => ControlAsync(caller, runId, "stop", c => c.Stop(), ct);

    private async Task ControlAsync(Caller caller, long runId, string verb, Action<RunControl> act, CancellationToken ct)
    {
        caller.Require(Role.Operator);
        var run = await runs.GetAsync(runId, caller.Scope, ct) ?? throw NotFoundException.For("scenario run", runId);
        if (!_active.TryGetValue(run.Id, out var active))
        {
            throw new ConflictException($"run {runId} is not running on this node (state {run.State.ToString().ToLowerInvariant()}).");
        }

        act(active.Control);
        await audit.RecordAsync(caller, $"scenario.run.{verb}", $"scenario-run/{runId}", run.TenantId, null, ct);
    }

    /// <summary>Completes when the run ends here (at once when it is not running on this node).</summary>
    internal Task WhenFinishedAsync(long runId) => _active.TryGetValue(runId, out var a) ? a.Completion : Task.CompletedTask;

    /// <summary>Stops every run; each is stored as an error ("the server stopped").</summary>
    public async ValueTask DisposeAsync()
    {
        await _shutdown.CancelAsync();
        try
        {
            await Task.WhenAll(_active.Values.Select(a => a.Completion)).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
        }

        _shutdown.Dispose();
    }

    [LoggerMessage(EventId = 900, Level = LogLevel.Information, Message = "Scenario run {RunId} ({Name}) ended {Status}, verdict {Verdict}")]
    private static partial void LogFinished(ILogger logger, long runId, string name, string status, string verdict);

    [LoggerMessage(EventId = 901, Level = LogLevel.Error, Message = "Scenario run {RunId} could not be stored")]
    private static partial void LogFailed(ILogger logger, long runId, Exception e);
}
