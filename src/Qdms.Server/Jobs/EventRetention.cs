using Microsoft.Extensions.Options;
using Qdms.Core.Events;

namespace Qdms.Server.Jobs;

/// <summary>Deletes device events older than <see cref="EventOptions.Retention"/> every <see cref="Interval"/> while the QDMS service runs.</summary>
internal sealed partial class EventRetention(IDeviceEventStore events, IOptions<EventOptions> options, TimeProvider time, ILogger<EventRetention> logger)
    : PeriodicServiceComponent(time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public override string Name => "event-retention";

    protected override TimeSpan Period => Interval;

    /// <summary>One pass: deletes the events past retention and returns how many.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var deleted = await events.DeleteOlderThanAsync(Time.GetUtcNow() - options.Value.Retention, ct);
        if (deleted > 0)
        {
            LogDeleted(logger, deleted);
        }

        return deleted;
    }

    protected override void OnFailure(Exception e) => LogFailed(logger, e);

    [LoggerMessage(EventId = 220, Level = LogLevel.Information, Message = "Deleted {Count} device events past retention")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(EventId = 221, Level = LogLevel.Warning, Message = "Event retention failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
