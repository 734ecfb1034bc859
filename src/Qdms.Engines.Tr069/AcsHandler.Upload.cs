using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Qdms.Core.Errors;
using Qdms.Core.Files;
using Qdms.Core.Security;

namespace Qdms.Engines.Tr069;

/// <summary>
/// The upload endpoint on the ACS port: <c>PUT</c> (or <c>POST</c>) <c>/uploads/qup_…</c> with the file as the body
/// (TR-069 §3.4.5 lets the CPE use either). The token opens one request; the bytes stream into the file repository
/// (bounded by <c>Qdms:Files:MaxFileSize</c>, checked against Content-Length before reading) and become a registered file
/// of the device's tenant; its id waits for the task's TransferComplete.
/// </summary>
internal sealed partial class AcsHandler
{
    /// <summary>True when the request was an upload (answered here); false for CWMP.</summary>
    private async Task<bool> TryReceiveUploadAsync(HttpContext http)
    {
        var request = http.Request;
        if (!(HttpMethods.IsPut(request.Method) || HttpMethods.IsPost(request.Method))
            || !request.Path.StartsWithSegments(UploadPath, StringComparison.Ordinal, out var rest) || !rest.HasValue)
        {
            return false;
        }

        await ReceiveUploadAsync(http, rest.Value!.TrimStart('/').Split('/')[0]);
        return true;
    }

    private async Task ReceiveUploadAsync(HttpContext http, string secret)
    {
        var remote = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!_uploads.TryTake(secret, out var slot))
        {
            await RefuseUploadAsync(http, StatusCodes.Status404NotFound, remote, "no such upload (the token is unknown, used or expired)");
            return;
        }

        var max = services.Files.MaxFileSize;
        if (http.Request.ContentLength > max)
        {
            await RefuseUploadAsync(http, StatusCodes.Status413PayloadTooLarge, remote, $"the file is larger than {max} bytes (Qdms:Files:MaxFileSize)");
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max; // this request only: CWMP bodies keep maxBodyBytes
        }

        try
        {
            await using var upload = services.Files.BeginUpload(Caller.System);
            await upload.CopyFromAsync(http.Request.Body, http.RequestAborted);
            var registration = new FileRegistration(TypeOf(slot.FileType), "tr069-uploads", $"device-{slot.DeviceId}", slot.Name,
                $"task-{slot.TaskId}", upload.Crc32, slot.TenantId);
            var file = await services.Files.RegisterAsync(Caller.System, registration, upload, http.RequestAborted);
            _uploads.Received(slot.TaskId, file.Id);
            Tr069Log.Uploaded(logger, slot.DeviceKey, file.Id, file.Size, slot.TaskId);
            http.Response.StatusCode = StatusCodes.Status201Created;
        }
        catch (Exception e) when (e is PayloadTooLargeException || (e is BadHttpRequestException b && b.StatusCode == StatusCodes.Status413PayloadTooLarge))
        {
            await RefuseUploadAsync(http, StatusCodes.Status413PayloadTooLarge, remote, $"the file is larger than {max} bytes (Qdms:Files:MaxFileSize)");
        }
        catch (Exception e) when (e is ValidationException or UnprocessableException)
        {
            await RefuseUploadAsync(http, StatusCodes.Status422UnprocessableEntity, remote, e.Message);
        }
    }

    /// <summary>Upload FileType 1 and 3 are configuration files; logs and vendor types are "other".</summary>
    private static FileType TypeOf(string fileType) => fileType[0] is '1' or '3' ? FileType.Config : FileType.Other;

    private async Task RefuseUploadAsync(HttpContext http, int status, string remote, string reason)
    {
        Interlocked.Increment(ref counters.BadRequests);
        Tr069Log.UploadRefused(logger, remote, status, reason);
        if (!http.Response.HasStarted)
        {
            http.Response.StatusCode = status;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(reason + "\n", CancellationToken.None);
        }
    }
}
