using Microsoft.Extensions.Logging;
using Qdms.Core.Engines;
using Qdms.Core.Measurements;
using Qdms.Qos.Configuration;
using Qdms.Qos.Jobs;
using Qdms.Qos.Journal;
using Qdms.Qos.Scheduling;
using Qdms.Qos.Targets;
using Qdms.Qos.Window;

namespace Qdms.Qos;

/// <summary>
/// The QoS evaluator as a part of the QDMS service (IF-01 StartQdmsService / StopQdmsService start and stop it): rebuilds the
/// window from the store, then runs the organizer, the measurement scheduler, the recorder and the cleaning job until stopped.
/// Each periodic job that fails logs and runs again at its next interval.
/// </summary>
public sealed partial class QosEvaluator : IQdmsServiceComponent, IDisposable
{
    private const string Logger = "qos.evaluator";
    private readonly QosOptions _options;
    private readonly QosOrganizer _organizer;
    private readonly QosScheduler _scheduler;
    private readonly QosMeasurer _measurer;
    private readonly QosRecorder _recorder;
    private readonly QosCleaning _cleaning;
    private readonly QosWindowStore _window;
    private readonly IMeasurementStore _measurements;
    private readonly QosJournal _journal;
    private readonly TimeProvider _time;
    private readonly ILogger<QosEvaluator> _logger;
    private CancellationTokenSource? _stop;
    private Task? _run;

    public QosEvaluator(
        QosOptions options, QosOrganizer organizer, QosScheduler scheduler, QosMeasurer measurer, QosRecorder recorder, QosCleaning cleaning,
        QosWindowStore window, QosTargets targets, IMeasurementStore measurements, QosJournal journal, TimeProvider time, ILogger<QosEvaluator> logger)
    {
        _options = options;
        _organizer = organizer;
        _scheduler = scheduler;
        _measurer = measurer;
        _recorder = recorder;
        _cleaning = cleaning;
        _window = window;
        _measurements = measurements;
        _journal = journal;
        _time = time;
        _logger = logger;
        targets.Changed += set => _scheduler.SetJobs(_measurer.JobsFor(set));
        scheduler.JobFailed += (job, e) => _journal.Warn("qos.jobs", $"Job {job.Key} failed; it runs again at its next interval: {e.Message}", e);
    }

    public string Name => "qos";

    /// <summary>Completes when the window has been rebuilt from the store after the last start.</summary>
    public Task Loaded { get; private set; } = Task.CompletedTask;

    public Task StartAsync(CancellationToken ct)
    {
        _stop = new CancellationTokenSource();
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Loaded = loaded.Task;
        _run = RunAsync(loaded, _stop.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken ct)
    {
        if (_stop is null || _run is null)
        {
            return;
        }

        await _stop.CancelAsync();
        await _run.WaitAsync(ct);
        _stop.Dispose();
        _stop = null;
        _run = null;
    }

    private async Task RunAsync(TaskCompletionSource loaded, CancellationToken ct)
    {
        await Task.Yield();
        try
        {
            _window.Clear();
            var count = await QosWindowLoader.LoadAsync(_measurements, _window, _time.GetUtcNow(), ct);
            LogLoaded(_logger, count, _window.DeviceCount);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _journal.Warn(Logger, $"Rebuilding the evaluation window from the store failed; it fills from new measurements: {e.Message}", e);
        }
        finally
        {
            loaded.TrySetResult();
        }

        var tasks = new List<Task> { _recorder.RunAsync(TimeSpan.FromMilliseconds(500), ct) };
        if (_options.Enabled)
        {
            _journal.Info(Logger, $"Started: RTT every {_options.RttIntervalSeconds} s ({_options.RttMethod}), agents every {_options.AugmentedIntervalSeconds} s, at most {_options.MaxConcurrency} jobs at once");
            tasks.Add(_scheduler.RunAsync(ct));
            tasks.Add(EveryAsync("organizer", TimeSpan.FromSeconds(_options.OrganizerIntervalSeconds), c => _organizer.SyncAsync(c), ct));
            tasks.Add(EveryAsync("cleaning", TimeSpan.FromSeconds(_options.CleaningIntervalSeconds), c => _cleaning.RunOnceAsync(c), ct));
        }

        await Task.WhenAll(tasks);
    }

    /// <summary>Runs <paramref name="job"/> now and then every <paramref name="period"/>; a failed pass is logged and the next one comes.</summary>
    private async Task EveryAsync(string name, TimeSpan period, Func<CancellationToken, Task> job, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(period, _time);
        try
        {
            do
            {
                try
                {
                    await job(ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _journal.Warn($"qos.{name}", $"The {name} job failed; it runs again in {period.TotalSeconds:0} s: {e.GetBaseException().Message}", e);
                }
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose() => _stop?.Dispose();

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "QoS window rebuilt from {Count} stored measurements of {Devices} devices")]
    private static partial void LogLoaded(ILogger logger, long count, int devices);
}
