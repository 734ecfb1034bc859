using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Qdms.Core.Errors;
using Qdms.Storage;

namespace Qdms.Server.Problems;

/// <summary>
/// Turns every exception that leaves an endpoint into one problem+json answer: a <see cref="QdmsException"/> into its status
/// and message, a malformed request body into 400 with the parser's words, anything else into 500 with a trace id (and a log entry).
/// </summary>
internal sealed partial class QdmsExceptionHandler(ILogger<QdmsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        switch (exception)
        {
            case ValidationException v:
                await ProblemWriter.WriteAsync(context, 400, v.Title, v.Message, new Dictionary<string, object?> { ["errors"] = v.Errors });
                return true;
            case QdmsException q:
                await ProblemWriter.WriteAsync(context, StatusOf(q), q.Title, q.Message);
                return true;
            case BadHttpRequestException b:
                await ProblemWriter.WriteAsync(context, b.StatusCode, "Bad request", Describe(b));
                return true;
            case var e when DatabaseFailures.IsUnavailable(e):
                LogDatabaseUnavailable(logger, e.GetBaseException().Message, context.Request.Method, context.Request.Path);
                context.Response.Headers.RetryAfter = "5";
                await ProblemWriter.WriteAsync(context, 503, "Database unavailable", $"The database cannot be used right now: {e.GetBaseException().Message}. Try again shortly.");
                return true;
            case OperationCanceledException when context.RequestAborted.IsCancellationRequested:
                return true; // the client went away; nobody to answer
            default:
                LogUnhandled(logger, exception, context.Request.Method, context.Request.Path, context.TraceIdentifier);
                await ProblemWriter.WriteAsync(
                    context, 500, "Internal error", $"An unexpected error occurred; the server log has the details under trace id {context.TraceIdentifier}.");
                return true;
        }
    }

    private static int StatusOf(QdmsException e) => e switch
    {
        NotFoundException => 404,
        ConflictException => 409,
        ForbiddenException => 403,
        AuthenticationException => 401,
        UnprocessableException => 422,
        PayloadTooLargeException => 413,
        _ => 400,
    };

    /// <summary>The framework's message plus the JSON reader's own (which names the path and line), when there is one.</summary>
    private static string Describe(BadHttpRequestException b)
    {
        for (var inner = b.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException j)
            {
                return $"The request body is not valid JSON for this operation: {j.Message}";
            }
        }

        return b.Message;
    }

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Database unavailable in {Method} {Path}: {Reason}")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string reason, string method, string path);

    [LoggerMessage(EventId = 100, Level = LogLevel.Error, Message = "Unhandled error in {Method} {Path} (trace {TraceId})")]
    private static partial void LogUnhandled(ILogger logger, Exception e, string method, string path, string traceId);
}
