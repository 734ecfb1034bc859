using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Qdms.Core.Engines;
using Qdms.Core.Security;
using Qdms.Core.Snmp;
using Qdms.Engines.Snmp.Access;
using Qdms.Engines.Snmp.Polling;
using Qdms.Engines.Snmp.Tasks;

namespace Qdms.Engines.Snmp;

/// <summary>
/// One snmp engine: the polling plan (re-read every <c>reloadSeconds</c> and at once when this server changes SNMP devices or
/// profiles), the poll scheduler, the task runner, the trap receiver, and the result writer they all feed. Started once, stopped once.
/// </summary>
internal sealed partial class SnmpEngine(SnmpEngineConfig config, SnmpEngineServices services, string name) : IDmEngine
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _reload = new(0, 1);
    private readonly RateTracker _rates = new();
    private readonly StatusBook _statuses = new();
    private readonly ILogger _logger = services.LoggerFactory.CreateLogger("Qdms.Engines.Snmp." + name);
    private ISnmpAccess? _access;
    private ResultWriter? _writer;
    private PollScheduler? _scheduler;
    private SnmpTaskRunner? _tasks;
    private volatile PollPlan _plan = PollPlan.Empty;
    private Task _writerLoop = Task.CompletedTask;
    private Task[] _loops = [];
    private long _reloads;
    private volatile string? _failure;
    private volatile bool _running;

    /// <summary>Test hook: the SNMP access to use instead of the library's manager.</summary>
    internal Func<ISnmpAccess>? AccessFactory { get; init; }

    public EngineStatus Status
    {
        get
        {
            var s = _scheduler?.Statistics;
            var details = new Dictionary<string, string>
            {
                ["devices"] = N(_plan.Devices.Count),
                ["polls"] = N(_plan.Pairs.Count),
                ["reloads"] = N(Interlocked.Read(ref _reloads)),
            };
            if (s is not null)
            {
                details["pollsDone"] = N(s.Polls);
                details["pollsOnTime"] = N(s.OnTime);
                details["pollTimeouts"] = N(s.Timeouts);
                details["pollErrors"] = N(s.Errors);
                details["pollsSkipped"] = N(s.Skipped);
                details["lagMeanMs"] = s.LagMeanMs.ToString("0.0", CultureInfo.InvariantCulture);
                details["lagMaxMs"] = N(s.LagMaxMs);
                details["inFlight"] = N(_scheduler!.InFlight);
            }

            if (_writer is { } w)
            {
                details["writeQueue"] = N(w.Queued);
                details["parametersWritten"] = N(w.ParametersWritten);
                details["measurementsWritten"] = N(w.MeasurementsWritten);
                details["eventsWritten"] = N(w.EventsWritten);
                details["writeFailures"] = N(w.WriteFailures);
            }

            if (_tasks is { } t)
            {
                details["tasksDone"] = N(t.Done);
                details["tasksFailed"] = N(t.Failed);
            }

            AddTrapDetails(details);
            var state = _failure is not null ? EngineState.Failed : _running ? EngineState.Active : EngineState.Inactive;
            return new EngineStatus(state, details, _failure);
        }
    }

    public async Task StartAsync(CancellationToken ct)
    {
        _access = AccessFactory?.Invoke() ?? CreateAccess();
        _writer = new ResultWriter(services.PollStore, services.Measurements, services.Events, _statuses, services.Time, _logger);
        await ReloadAsync(ct);
        await StartTrapsAsync(ct);

        var stop = _stopping.Token;
        _writerLoop = _writer.RunAsync(CancellationToken.None);
        var loops = new List<Task> { ReloadLoopAsync(stop) };
        if (config.Polling)
        {
            _scheduler = new PollScheduler(new DevicePoller(_access, _rates, services.Time), _writer, config.MaxConcurrentPolls, config.SpreadFirstPolls);
            _scheduler.Apply(_plan);
            loops.Add(_scheduler.RunAsync(stop));
        }

        _tasks = new SnmpTaskRunner(_access, services.PollStore, services.Tasks, _writer, ResolveAsync, config.TaskPollInterval, services.Time, _logger);
        loops.Add(_tasks.RunAsync(stop));
        _loops = [.. loops.Select(GuardAsync)];
        services.Signal.Changed += OnInventoryChanged;
        _running = true;
        SnmpEngineLog.Started(_logger, _plan.Devices.Count, _plan.Pairs.Count, TrapDescription);
    }

    public async Task StopAsync(CancellationToken ct)
    {
        _running = false;
        services.Signal.Changed -= OnInventoryChanged;
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
        }

        await StopTrapsAsync();
        await Task.WhenAll(_loops).WaitAsync(ct);
        _writer?.Complete();
        await _writerLoop.WaitAsync(ct);
        if (_access is not null)
        {
            await _access.DisposeAsync();
            _access = null;
        }
    }

    private void OnInventoryChanged()
    {
        try
        {
            _reload.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }

    private async Task ReloadLoopAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await _reload.WaitAsync(config.ReloadInterval, ct);
                try
                {
                    await ReloadAsync(ct);
                    _scheduler?.Apply(_plan);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    SnmpEngineLog.PlanFailed(_logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task ReloadAsync(CancellationToken ct)
    {
        var rows = await services.Devices.ListForPollingAsync(ct);
        var profiles = await services.Profiles.ListAsync(TenantScope.All, ct);
        var assignments = await services.Profiles.ListAssignmentsAsync(TenantScope.All, ct);
        var devices = new List<PolledDevice>(rows.Count);
        foreach (var row in rows)
        {
            if (ToPolled(row) is { } device)
            {
                devices.Add(device);
                _statuses.Seed(device.DeviceId, row.Status);
            }
        }

        var old = _plan;
        _plan = PollPlan.Build(devices, profiles, assignments);
        foreach (var gone in old.Devices.Keys.Where(id => !_plan.Devices.ContainsKey(id)))
        {
            _rates.Forget(gone);
        }

        Interlocked.Increment(ref _reloads);
    }

    private async Task<PolledDevice?> ResolveAsync(long deviceId, CancellationToken ct)
    {
        if (_plan.Devices.TryGetValue(deviceId, out var device))
        {
            return device;
        }

        await ReloadAsync(ct); // settings made a moment ago, before the signal's reload ran
        _scheduler?.Apply(_plan);
        return _plan.Devices.GetValueOrDefault(deviceId);
    }

    private PolledDevice? ToPolled(SnmpPolledDevice row)
    {
        var s = row.Settings;
        try
        {
            var community = s.SealedCommunity is null ? null : services.Secrets.Open(s.SealedCommunity, SnmpDeviceService.CommunityPurpose);
            AgentUser? user = null;
            if (s.UserName is not null)
            {
                user = new AgentUser(
                    s.UserName,
                    s.AuthProtocol,
                    s.SealedAuthPassword is null ? null : services.Secrets.Open(s.SealedAuthPassword, SnmpDeviceService.AuthPurpose),
                    s.PrivProtocol,
                    s.SealedPrivPassword is null ? null : services.Secrets.Open(s.SealedPrivPassword, SnmpDeviceService.PrivPurpose));
            }

            var target = new AgentTarget(new IPEndPoint(IPAddress.Parse(s.Host), s.Port), s.Version, community, user, s.ContextName, config.Timeout, config.Retries);
            return new PolledDevice(s.DeviceId, s.TenantId, s.Host, target, row.Tags, row.Status, s.EngineId);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            SnmpEngineLog.SettingsUnusable(_logger, s.DeviceId, e.Message);
            return null;
        }
    }

    /// <summary>A loop that ends with an exception fails the engine with that error (it never should).</summary>
    private async Task GuardAsync(Task loop)
    {
        try
        {
            await loop;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _failure = $"An SNMP engine loop stopped: {e.Message}";
        }
    }

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
}
