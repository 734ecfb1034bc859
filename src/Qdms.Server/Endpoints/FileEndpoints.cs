using Microsoft.Extensions.Options;
using Qdms.Contracts;
using Qdms.Core.Errors;
using Qdms.Core.Files;
using Qdms.Core.Paging;
using Qdms.Core.Security;

namespace Qdms.Server.Endpoints;

internal static class FileEndpoints
{
    /// <summary>The file repository (IF-03): register, list, show, unregister, file-server status, download tokens.</summary>
    public static RouteGroupBuilder MapFileEndpoints(this RouteGroupBuilder api)
    {
        var files = api.MapGroup("/files").WithTags("Files");
        files.MapPost("/", FileUploadHandler.HandleAsync)
            .Accepts<RegisterFileRequest>("multipart/form-data")
            .WithDescription("RegisterFile (IF-03-01): multipart/form-data with the fields type, provisionGroupId, updateGroupId, fileName, version, crc " +
                "(CRC-32 in hex, with or without 0x) and the file part 'content', in any order.");

        files.MapGet("/", async (Caller caller, FileService service, string? type, string? group, int? page, int? size, CancellationToken ct) =>
        {
            FileType? t = null;
            if (type is not null)
            {
                t = FileTypeNames.TryParse(type, out var parsed) ? parsed : throw new ValidationException("type", $"type must be one of {FileTypeNames.Accepted}; got '{type}'.");
            }

            var result = await service.ListAsync(caller, new FileQuery(t, string.IsNullOrWhiteSpace(group) ? null : group.Trim()), PageRequest.From(page, size), ct);
            return TypedResults.Ok(result.ToDto(f => f.ToDto()));
        });

        files.MapGet("/{id:long}", async (long id, Caller caller, FileService service, CancellationToken ct) =>
            TypedResults.Ok((await service.GetAsync(caller, id, ct)).ToDto()));

        files.MapDelete("/{id:long}", async (long id, Caller caller, FileService service, CancellationToken ct) =>
        {
            await service.UnregisterAsync(caller, id, ct);
            return TypedResults.NoContent();
        });

        files.MapPost("/{id:long}/download-tokens", async (
            long id, CreateDownloadTokenRequest? body, HttpRequest request, Caller caller, FileService service, IOptions<FileRepositoryOptions> options, CancellationToken ct) =>
        {
            var lifetime = body?.ExpiresInSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
            var issued = await service.IssueDownloadTokenAsync(caller, id, body?.DeviceId, body?.TaskId, lifetime, ct);
            var baseUrl = string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl)
                ? $"{request.Scheme}://{request.Host}{request.PathBase}"
                : options.Value.PublicBaseUrl.TrimEnd('/');
            var url = $"{baseUrl}{issued.DevicePath}?token={Uri.EscapeDataString(issued.Secret)}";
            return TypedResults.Created(
                $"/api/v1/files/{id}",
                new DownloadTokenDto(issued.Secret, id, issued.Token.DeviceId, issued.Token.TaskId, issued.Token.ExpiresAt, url));
        });

        api.MapGet("/file-servers", async (Caller caller, FileService service, CancellationToken ct) =>
            TypedResults.Ok((await service.GetServerStatusAsync(caller, ct)).Select(s => s.ToDto()).ToList()))
            .WithTags("Files")
            .WithDescription("QuerySts (IF-03-03): each file server's health, space, and the number and size of your files on it.");
        return api;
    }
}
