using System.Net.Http.Headers;
using Qdms.Contracts;
using Qdms.Core.Files;

namespace Qdms.Client;

public sealed partial class QdmsClient
{
    /// <summary>
    /// RegisterFile: uploads the file at <paramref name="path"/> as a stream (never whole in memory). When
    /// <see cref="RegisterFileRequest.Crc"/> is null the CRC-32 is computed here first, in one extra read of the file.
    /// <paramref name="progress"/> hears the number of content bytes sent so far.
    /// </summary>
    public async Task<FileDto> RegisterFileAsync(string path, RegisterFileRequest request, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 128 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await RegisterFileAsync(file, request, progress, ct);
    }

    /// <summary>
    /// RegisterFile from a stream. A missing CRC is computed first, which needs a seekable stream (it is read twice).
    /// </summary>
    public async Task<FileDto> RegisterFileAsync(Stream content, RegisterFileRequest request, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        var crc = request.Crc;
        if (crc is null)
        {
            if (!content.CanSeek)
            {
                throw new ArgumentException("The CRC-32 must be given when the content stream cannot be read twice.", nameof(request));
            }

            var start = content.Position;
            crc = $"0x{await ComputeCrc32Async(content, ct):X8}";
            content.Position = start;
        }

        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(request.Type), "type");
        form.Add(new StringContent(request.ProvisionGroupId), "provisionGroupId");
        form.Add(new StringContent(request.UpdateGroupId), "updateGroupId");
        form.Add(new StringContent(request.FileName), "fileName");
        form.Add(new StringContent(request.Version), "version");
        form.Add(new StringContent(crc), "crc");
        if (request.TenantId is { } tenant)
        {
            form.Add(new StringContent(tenant.ToString(System.Globalization.CultureInfo.InvariantCulture)), "tenantId");
        }

        var part = new ProgressStreamContent(content, progress);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "content", request.FileName);

        using var message = new HttpRequestMessage(HttpMethod.Post, "api/v1/files") { Content = form };
        if (form.Headers.ContentLength is null)
        {
            message.Headers.TransferEncodingChunked = true; // stream a body of unknown length instead of letting a handler buffer it
        }

        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct);
        return await ReadAsync<FileDto>(response, ct);
    }

    /// <summary>The CRC-32 (IEEE 802.3) of the rest of <paramref name="content"/>.</summary>
    public static async Task<uint> ComputeCrc32Async(Stream content, CancellationToken ct = default)
    {
        var crc = new Crc32();
        var buffer = new byte[128 * 1024];
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            crc.Append(buffer.AsSpan(0, read));
        }

        return crc.Value;
    }

    public Task<PageDto<FileDto>> ListFilesAsync(string? type = null, string? group = null, int? page = null, int? size = null, CancellationToken ct = default) =>
        GetAsync<PageDto<FileDto>>("api/v1/files" + Query(("type", type), ("group", group), ("page", page), ("size", size)), ct);

    public Task<FileDto> GetFileAsync(long id, CancellationToken ct = default) => GetAsync<FileDto>($"api/v1/files/{id}", ct);

    /// <summary>UnregisterFile: the row, its download tokens and its content go.</summary>
    public Task UnregisterFileAsync(long id, CancellationToken ct = default) => SendAsync(HttpMethod.Delete, $"api/v1/files/{id}", null, ct);

    /// <summary>QuerySts: each file server's state.</summary>
    public Task<List<FileServerDto>> ListFileServersAsync(CancellationToken ct = default) => GetAsync<List<FileServerDto>>("api/v1/file-servers", ct);

    public Task<DownloadTokenDto> CreateDownloadTokenAsync(long fileId, CreateDownloadTokenRequest? request = null, CancellationToken ct = default) =>
        SendJsonAsync<DownloadTokenDto>(HttpMethod.Post, $"api/v1/files/{fileId}/download-tokens", request ?? new CreateDownloadTokenRequest(), ct);
}
