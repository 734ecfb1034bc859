using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Primitives;
using Qdms.Core.Devices;
using Qdms.Core.Files;
using Qdms.Server.Problems;
using EntityTagHeaderValue = Microsoft.Net.Http.Headers.EntityTagHeaderValue;

namespace Qdms.Server.Endpoints;

/// <summary>
/// <c>GET|HEAD /files/{id}/{name}</c>, outside <c>/api/v1</c>: devices fetch stored files here. The request carries a
/// download token (<c>?token=qdl_…</c> or <c>Authorization: Bearer qdl_…</c>) for that very file, or the device's own
/// HTTP Basic credentials, which open the files of the device's tenant. Ranges, strong ETags (the SHA-256) and
/// conditional requests are served by the framework's file result.
/// </summary>
/// <remarks>
/// No credentials, or a token that is unknown, expired or made for another file: 401 (which file a token opens is not
/// told, nor whether the file exists). Valid device credentials and a file the device's tenant does not have, or a name
/// that is not the file's: 404.
/// </remarks>
internal static class FileDownloadEndpoints
{
    private const string Challenge = "Basic realm=\"qdms-files\", charset=\"UTF-8\"";

    public static WebApplication MapFileDownloadEndpoints(this WebApplication app)
    {
        // Anonymous to the API's bearer scheme: this route checks its own credentials (tokens, device Basic) and answers 401 itself.
        app.MapMethods("/files/{id:long}/{name}", [HttpMethods.Get, HttpMethods.Head], HandleAsync)
            .AllowAnonymous()
            .WithTags("Device files");
        return app;
    }

    private static async Task<IResult> HandleAsync(long id, string name, HttpContext http, FileService files, IDeviceAuthenticator devices, CancellationToken ct)
    {
        StoredFile? file;
        if (TokenOf(http.Request) is { } token)
        {
            file = await files.AuthorizeDownloadAsync(token, id, ct);
            if (file is null)
            {
                await UnauthorizedAsync(http, "Bearer error=\"invalid_token\"", "The download token is unknown, expired, or not for this file.");
                return Results.Empty;
            }
        }
        else if (BasicOf(http.Request) is { } basic)
        {
            var device = await devices.VerifyAsync(basic.User, basic.Password, ct);
            if (device is null)
            {
                await UnauthorizedAsync(http, "Bearer", "The device credentials were refused.");
                return Results.Empty;
            }

            file = await files.GetForDeviceAsync(device, id, ct);
        }
        else
        {
            await UnauthorizedAsync(http, "Bearer", "A download token (?token=qdl_… or 'Authorization: Bearer qdl_…') or device credentials (HTTP Basic) are required.");
            return Results.Empty;
        }

        if (file is null || !string.Equals(file.Name, name, StringComparison.Ordinal))
        {
            return NotFound(http, id);
        }

        var content = await files.OpenContentAsync(file, ct);
        if (content is null)
        {
            return NotFound(http, id);
        }

        http.Response.Headers.CacheControl = "private, no-transform";
        return TypedResults.Stream(
            content,
            "application/octet-stream",
            fileDownloadName: null,
            lastModified: file.CreatedAt,
            entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""),
            enableRangeProcessing: true);
    }

    private static IResult NotFound(HttpContext http, long id) =>
        TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"file '{id}' was not found.", instance: http.Request.Path);

    private static string? TokenOf(HttpRequest request)
    {
        if (request.Query.TryGetValue("token", out var query) && !StringValues.IsNullOrEmpty(query))
        {
            return query.ToString();
        }

        string? header = request.Headers.Authorization;
        return header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private static (string User, string Password)? BasicOf(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon <= 0 ? null : (text[..colon], text[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static Task UnauthorizedAsync(HttpContext http, string bearerChallenge, string detail)
    {
        http.Response.Headers.WWWAuthenticate = new StringValues([Challenge, bearerChallenge]);
        return ProblemWriter.WriteAsync(http, StatusCodes.Status401Unauthorized, "Unauthorized", detail);
    }
}
