using Microsoft.AspNetCore.Mvc;

namespace Qdms.Server.Problems;

/// <summary>Writes an <c>application/problem+json</c> body outside the endpoint pipeline (auth challenges, the exception handler).</summary>
internal static class ProblemWriter
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = detail,
            Instance = context.Request.Path,
        };
        if (extensions is not null)
        {
            foreach (var (k, v) in extensions)
            {
                problem.Extensions[k] = v;
            }
        }

        problem.Extensions["traceId"] = context.TraceIdentifier;
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        context.Response.StatusCode = status;
        if (!await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            // the client accepts no JSON (an EventSource sends Accept: text/event-stream): the problem is still the answer
            await context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
        }
    }
}
