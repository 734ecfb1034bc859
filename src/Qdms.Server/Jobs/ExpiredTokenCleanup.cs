using Qdms.Core.Engines;
using Qdms.Core.Users;

namespace Qdms.Server.Jobs;

/// <summary>Deletes expired sign-in and API tokens every <see cref="Interval"/> while the QDMS service runs.</summary>
internal sealed partial class ExpiredTokenCleanup(ITokenStore tokens, TimeProvider time, ILogger<ExpiredTokenCleanup> logger) : IQdmsServiceComponent, IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private CancellationTokenSource? _stop;
    private Task? _loop;

    public string Name => "token-cleanup";

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

    /// <summary>One pass: deletes what has expired and returns how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var deleted = await tokens.DeleteExpiredAsync(time.GetUtcNow(), ct);
        if (deleted > 0)
        {
            LogDeleted(logger, deleted);
        }

        return deleted;
    }

    private async Task LoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Interval, time);
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
                    LogFailed(logger, e); // the next tick tries again
                }
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose() => _stop?.Dispose();

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Deleted {Count} expired tokens")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Expired-token cleanup failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
