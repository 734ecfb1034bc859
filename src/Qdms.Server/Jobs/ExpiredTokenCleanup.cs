using Qdms.Core.Users;

namespace Qdms.Server.Jobs;

/// <summary>Deletes expired sign-in and API tokens every <see cref="Interval"/> while the QDMS service runs.</summary>
internal sealed partial class ExpiredTokenCleanup(ITokenStore tokens, TimeProvider time, ILogger<ExpiredTokenCleanup> logger) : PeriodicServiceComponent(time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public override string Name => "token-cleanup";

    protected override TimeSpan Period => Interval;

    /// <summary>One pass: deletes what has expired and returns how many.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var deleted = await tokens.DeleteExpiredAsync(Time.GetUtcNow(), ct);
        if (deleted > 0)
        {
            LogDeleted(logger, deleted);
        }

        return deleted;
    }

    protected override void OnFailure(Exception e) => LogFailed(logger, e);

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Deleted {Count} expired tokens")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Expired-token cleanup failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
