using Qdms.Core.Files;

namespace Qdms.Server.Files;

/// <summary>
/// At start, before requests are served, deletes what an earlier run left half-done: temporary uploads, content
/// without a row (a crash between rename and insert, or after a delete), and expired download tokens.
/// </summary>
internal sealed partial class FileSweepService(FileService files, ILogger<FileSweepService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        try
        {
            var (content, tokens) = await files.SweepAsync(ct);
            LogSwept(logger, content, tokens);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            LogSweepFailed(logger, e);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "File sweep: deleted {Content} orphaned content or temporary file(s) and {Tokens} expired download token(s)")]
    private static partial void LogSwept(ILogger logger, int content, int tokens);

    [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "File sweep failed; orphans stay until the next start")]
    private static partial void LogSweepFailed(ILogger logger, Exception e);
}
