using Qdms.Core.Devices;

namespace Qdms.Server.Jobs;

/// <summary>
/// Marks queued and sent device tasks whose expiry has passed as expired, every <see cref="Interval"/> while the QDMS
/// service runs, so an operator sees "expired" rather than a task that waits forever for a device that never comes.
/// </summary>
internal sealed partial class TaskExpiry(IDeviceTaskStore tasks, TimeProvider time, ILogger<TaskExpiry> logger) : PeriodicServiceComponent(time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    public override string Name => "task-expiry";

    protected override TimeSpan Period => Interval;

    /// <summary>One pass: expires what is overdue and returns how many.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var expired = await tasks.ExpireOverdueAsync(Time.GetUtcNow(), ct);
        if (expired > 0)
        {
            LogExpired(logger, expired);
        }

        return expired;
    }

    protected override void OnFailure(Exception e) => LogFailed(logger, e);

    [LoggerMessage(EventId = 210, Level = LogLevel.Information, Message = "Expired {Count} overdue device tasks")]
    private static partial void LogExpired(ILogger logger, int count);

    [LoggerMessage(EventId = 211, Level = LogLevel.Warning, Message = "Task expiry failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
