using Microsoft.Extensions.Logging;
using Qdms.Contracts;
using Qdms.Core.Engines;
using Qdms.Core.Scenarios;
using Qdms.Core.Security;

namespace Qdms.Scenarios.Hosting;

/// <summary>
/// Starts scheduled runs when they fall due (checked every <see cref="Period"/> while the QDMS service runs). Each due schedule
/// is claimed by moving its next run time forward in one conditional update, so with several nodes it runs once. Runs are
/// started as the system on behalf of the schedule's tenant. At the first start, the runs this node left "running" when it
/// stopped are marked as errors (other nodes' runs are theirs).
/// </summary>
public sealed partial class ScenarioScheduler(IScenarioScheduleStore schedules, IScenarioRunStore runs, ScenarioRunService runner, TimeProvider time,
    ILogger<ScenarioScheduler> logger) : IQdmsServiceComponent, IDisposable
{
    /// <summary>How often due schedules are looked for.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    private CancellationTokenSource? _stop;
    private Task? _loop;
    private bool _abandonedChecked;

    public string Name => "scenario-scheduler";

    public async Task StartAsync(CancellationToken ct)
    {
        if (!_abandonedChecked)
        {
            _abandonedChecked = true;
            var abandoned = await runs.AbandonRunningAsync(ScenarioRunService.Node, time.GetUtcNow(), ct);
            if (abandoned > 0)
            {
                LogAbandoned(logger, abandoned);
            }
        }

        _stop = new CancellationTokenSource();
        _loop = LoopAsync(_stop.Token);
    }

    public async Task StopAsync(CancellationToken ct)
    {
        if (_stop is null || _loop is null)
        {
            return;
        }

        await _stop.CancelAsync();
        await _loop.WaitAsync(ct);
        _stop.Dispose();
        _stop = null;
        _loop = null;
    }

    /// <summary>One pass: starts the runs of every due schedule this node claims; returns how many schedules it started.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var started = 0;
        foreach (var s in await schedules.DueAsync(now, 100, ct))
        {
            if (!await schedules.ClaimAsync(s.Id, s.NextRunAt, now.AddSeconds(s.IntervalSeconds), ct))
            {
                continue;
            }

            try
            {
                var system = new Caller(0, $"schedule/{s.Id}", Role.Operator, s.TenantId);
                await runner.StartAsync(system, s.ScenarioId, new StartScenarioRunRequest(DeviceId: s.DeviceId, Group: s.DeviceGroup), ct);
                started++;
            }
            catch (Exception e) when (e is Core.Errors.QdmsException)
            {
                LogScheduleFailed(logger, s.Id, e.Message);
            }
        }

        return started;
    }

    private async Task LoopAsync(CancellationToken ct)
    {
        await Task.Yield();
        using var timer = new PeriodicTimer(Period, time);
        try
        {
            do
            {
                try
                {
                    await RunDueAsync(ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogPassFailed(logger, e);
                }
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose() => _stop?.Dispose();

    [LoggerMessage(EventId = 910, Level = LogLevel.Warning, Message = "{Count} scenario runs were left running by a stopped server; marked as errors")]
    private static partial void LogAbandoned(ILogger logger, int count);

    [LoggerMessage(EventId = 911, Level = LogLevel.Warning, Message = "Scenario schedule {ScheduleId} could not start: {Reason}")]
    private static partial void LogScheduleFailed(ILogger logger, long scheduleId, string reason);

    [LoggerMessage(EventId = 912, Level = LogLevel.Warning, Message = "Scenario scheduler pass failed; it runs again at the next tick")]
    private static partial void LogPassFailed(ILogger logger, Exception e);
}
