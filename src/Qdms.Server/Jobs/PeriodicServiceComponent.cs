using Qdms.Core.Engines;

namespace Qdms.Server.Jobs;

/// <summary>
/// A job that runs <see cref="RunOnceAsync"/> at start and then every <see cref="Period"/> while the QDMS service runs
/// (StartQdmsService / StopQdmsService start and stop it). A failed pass is reported through <see cref="OnFailure"/> and the
/// next tick tries again: one bad pass never stops the job.
/// </summary>
internal abstract class PeriodicServiceComponent(TimeProvider time) : IQdmsServiceComponent, IDisposable
{
    private CancellationTokenSource? _stop;
    private Task? _loop;

    public abstract string Name { get; }

    protected abstract TimeSpan Period { get; }

    protected TimeProvider Time => time;

    public abstract Task<int> RunOnceAsync(CancellationToken ct);

    protected abstract void OnFailure(Exception e);

    public Task StartAsync(CancellationToken ct)
    {
        _stop = new CancellationTokenSource();
        _loop = LoopAsync(_stop.Token);
        return Task.CompletedTask;
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

    private async Task LoopAsync(CancellationToken ct)
    {
        await Task.Yield(); // never run the first pass inside StartAsync's caller
        using var timer = new PeriodicTimer(Period, time);
        try
        {
            do
            {
                try
                {
                    await RunOnceAsync(ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    OnFailure(e);
                }
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose() => _stop?.Dispose();
}
