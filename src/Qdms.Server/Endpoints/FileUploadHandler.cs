using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Qdms.Contracts;
using Qdms.Core.Errors;
using Qdms.Core.Files;
using Qdms.Core.Security;

namespace Qdms.Server.Endpoints;

/// <summary>
/// <c>POST /api/v1/files</c>: reads the multipart body section by section with <see cref="MultipartReader"/>, streaming the
/// <c>content</c> part straight into the content store while CRC-32 and SHA-256 are computed, so memory stays bounded
/// whatever the file's size. Fields may come before or after the content; they are checked when the body ends.
/// </summary>
internal static class FileUploadHandler
{
    public const string ContentField = "content";

    /// <summary>Room in the body for the fields and the multipart framing on top of the file itself.</summary>
    private const long FormOverhead = 1024 * 1024;
    private const int MaxFieldBytes = 4096;
    private const int MaxFields = 32;

    private static readonly string[] RequiredFields = ["type", "provisionGroupId", "updateGroupId", "fileName", "version", "crc"];

    public static async Task<Created<FileDto>> HandleAsync(HttpContext http, Caller caller, FileService service, CancellationToken ct)
    {
        caller.Require(Role.Operator);
        var bodyLimit = service.MaxFileSize + FormOverhead;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = bodyLimit; // this route only: the server-wide limit stays as it is
        }

        if (http.Request.ContentLength > bodyLimit)
        {
            throw new PayloadTooLargeException($"The request body of {http.Request.ContentLength} bytes is larger than the file size limit of {service.MaxFileSize} bytes (Qdms:Files:MaxFileSize).");
        }

        var boundary = BoundaryOf(http.Request.ContentType);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        FileUpload? upload = null;
        try
        {
            var reader = new MultipartReader(boundary, http.Request.Body);
            while (await ReadSectionAsync(reader, http, ct) is { } section)
            {
                var name = FieldNameOf(section);
                if (name == ContentField)
                {
                    if (upload is not null)
                    {
                        throw new ValidationException(ContentField, "The body has more than one 'content' part; send one file per request.");
                    }

                    upload = service.BeginUpload(caller);
                    await ReadAsync(http, () => upload.CopyFromAsync(section.Body, ct));
                }
                else
                {
                    if (fields.Count >= MaxFields || fields.ContainsKey(name))
                    {
                        throw new ValidationException(name, $"The field '{name}' is repeated, or the body has more than {MaxFields} fields.");
                    }

                    fields[name] = await ReadAsync(http, () => ReadFieldAsync(section, name, ct));
                }
            }

            var registration = ToRegistration(fields, upload);
            var stored = await service.RegisterAsync(caller, registration, upload!, ct);
            return TypedResults.Created($"/api/v1/files/{stored.Id}", stored.ToDto());
        }
        finally
        {
            if (upload is not null)
            {
                await upload.DisposeAsync(); // deletes the temporary file unless the content was committed
            }
        }
    }

    private static FileRegistration ToRegistration(Dictionary<string, string> fields, FileUpload? upload)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var field in RequiredFields.Where(f => !fields.TryGetValue(f, out var v) || string.IsNullOrWhiteSpace(v)))
        {
            errors[field] = [$"{field} is required."];
        }

        if (upload is null)
        {
            errors[ContentField] = ["The file part 'content' is required."];
        }

        var type = FileType.Other;
        if (fields.TryGetValue("type", out var typeText) && !string.IsNullOrWhiteSpace(typeText) && !FileTypeNames.TryParse(typeText, out type))
        {
            errors["type"] = [$"type must be one of {FileTypeNames.Accepted}; got '{typeText}'."];
        }

        uint crc = 0;
        if (fields.TryGetValue("crc", out var crcText) && !string.IsNullOrWhiteSpace(crcText) && !FileService.TryParseCrc(crcText, out crc))
        {
            errors["crc"] = [$"crc must be a CRC-32 in hexadecimal (1–8 hex digits, with or without 0x); got '{crcText}'."];
        }

        long? tenantId = null;
        if (fields.TryGetValue("tenantId", out var tenantText) && !string.IsNullOrWhiteSpace(tenantText))
        {
            if (long.TryParse(tenantText, NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                tenantId = t;
            }
            else
            {
                errors["tenantId"] = [$"tenantId must be a number; got '{tenantText}'."];
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        return new FileRegistration(type, fields["provisionGroupId"], fields["updateGroupId"], fields["fileName"], fields["version"], crc, tenantId);
    }

    private static string BoundaryOf(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new ValidationException(ContentField, $"The body must be multipart/form-data; got '{contentType}'.");
        }

        var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > 70) // RFC 2046 §5.1.1: 1–70 characters
        {
            throw new ValidationException(ContentField, "The multipart/form-data Content-Type lacks a valid boundary.");
        }

        return boundary;
    }

    private static string FieldNameOf(MultipartSection section)
    {
        if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
            || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(disposition.Name).Value is not { Length: > 0 } name)
        {
            throw new ValidationException(ContentField, "Every part needs 'Content-Disposition: form-data; name=\"…\"'.");
        }

        return name;
    }

    private static Task<MultipartSection?> ReadSectionAsync(MultipartReader reader, HttpContext http, CancellationToken ct) =>
        ReadAsync(http, () => reader.ReadNextSectionAsync(ct));

    private static async Task<string> ReadFieldAsync(MultipartSection section, string name, CancellationToken ct)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await section.Body.ReadAsync(buffer.AsMemory(length), ct)) > 0)
        {
            length += read;
        }

        if (length > MaxFieldBytes)
        {
            throw new ValidationException(name, $"The field '{name}' is longer than {MaxFieldBytes} bytes.");
        }

        return Encoding.UTF8.GetString(buffer, 0, length).Trim();
    }

    /// <summary>
    /// Runs a read of the body and sorts its failures: a client that went away ends the request quietly; a body cut
    /// short or malformed is the client's error (400); a body over the server's limit is 413.
    /// </summary>
    private static async Task<T> ReadAsync<T>(HttpContext http, Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (Exception e) when (http.RequestAborted.IsCancellationRequested && e is IOException or OperationCanceledException)
        {
            throw new OperationCanceledException("The client closed the connection during the upload.", e, http.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new PayloadTooLargeException($"The request body is larger than the file size limit (Qdms:Files:MaxFileSize): {e.Message}");
        }
        catch (Exception e) when (e is IOException or InvalidDataException && !http.RequestAborted.IsCancellationRequested)
        {
            throw new ValidationException(ContentField, $"The multipart body is malformed or ended early: {e.Message}");
        }
    }

    private static Task ReadAsync(HttpContext http, Func<Task> read) => ReadAsync(http, async () =>
    {
        await read();
        return true;
    });
}
