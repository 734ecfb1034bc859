using System.Text.Json;
using System.Text.Json.Serialization;
using Qdms.Contracts;
using Qdms.Core.Errors;

namespace Qdms.Server.Endpoints;

/// <summary>
/// JSON of the Arrowhead-compatible routes: camelCase, member names matched case-insensitively, unknown members ignored
/// (Arrowhead clients send what their DTOs hold), nulls left out of answers; and Arrowhead's error body.
/// </summary>
internal static class QosArrowheadJson
{
    /// <summary>The largest request body read (100,000 provider names fit).</summary>
    public const long MaxBodyBytes = 8L * 1024 * 1024;

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The body as <typeparamref name="T"/>; a 400 quoting the parser when it is not, a 413 when it is too large.</summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            throw new PayloadTooLargeException($"The request body is {request.ContentLength} bytes; at most {MaxBodyBytes} are read.");
        }

        try
        {
            using var body = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int n;
            while ((n = await request.Body.ReadAsync(buffer, ct)) > 0)
            {
                if (body.Length + n > MaxBodyBytes)
                {
                    throw new PayloadTooLargeException($"The request body is longer than {MaxBodyBytes} bytes.");
                }

                body.Write(buffer, 0, n);
            }

            if (body.Length == 0)
            {
                throw new ValidationException("body", "The request body is empty; a JSON object is expected.");
            }

            body.Position = 0;
            return await JsonSerializer.DeserializeAsync<T>(body, Options, ct)
                ?? throw new ValidationException("body", "The request body is null; a JSON object is expected.");
        }
        catch (JsonException e)
        {
            throw new ValidationException("body", $"The request body is not valid JSON for this operation: {e.Message}");
        }
    }

    public static IResult Ok<T>(T value) => Results.Json(value, Options);

    /// <summary>Arrowhead's <c>{"errorMessage","errorCode","exceptionType","origin"}</c> for a QDMS failure.</summary>
    public static IResult Error(HttpContext context, QdmsException e)
    {
        var (status, type) = e switch
        {
            ValidationException => (400, "INVALID_PARAMETER"),
            AuthenticationException => (401, "AUTH"),
            ForbiddenException => (403, "FORBIDDEN"),
            NotFoundException => (404, "DATA_NOT_FOUND"),
            PayloadTooLargeException => (413, "INVALID_PARAMETER"),
            UnprocessableException => (422, "INVALID_PARAMETER"),
            ConflictException => (409, "INVALID_PARAMETER"),
            _ => (400, "INVALID_PARAMETER"),
        };
        var origin = $"{context.Request.Method} {context.Request.Path}";
        return Results.Json(new QosErrorDto(e.Message, status, type, origin), Options, statusCode: status);
    }
}
