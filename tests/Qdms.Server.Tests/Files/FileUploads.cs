using System.Net.Http.Headers;
using Qdms.Client;
using Qdms.Contracts;

namespace Qdms.Server.Tests.Files;

/// <summary>Builds registration requests and multipart bodies for the file tests.</summary>
internal static class FileUploads
{
    public static RegisterFileRequest Request(string? name = null, string type = "fw", string? crc = null) =>
        new(type, "pg-1", "ug-1", name ?? $"fw-{Guid.NewGuid():N}.bin", "1.0." + Random.Shared.Next(1000, 9999), crc);

    public static byte[] Bytes(int length, int seed = 7)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    public static Task<FileDto> RegisterAsync(QdmsClient client, byte[] content, RegisterFileRequest? request = null) =>
        client.RegisterFileAsync(new MemoryStream(content), request ?? Request());

    /// <summary>A multipart body with the given fields (in order) and, when <paramref name="content"/> is given, the file part at <paramref name="contentAt"/>.</summary>
    public static MultipartFormDataContent Form(IEnumerable<(string Name, string Value)> fields, HttpContent? content, int contentAt = int.MaxValue)
    {
        var form = new MultipartFormDataContent();
        var index = 0;
        foreach (var (name, value) in fields)
        {
            if (index++ == contentAt && content is not null)
            {
                form.Add(content, "content", "file.bin");
                content = null;
            }

            form.Add(new StringContent(value), name);
        }

        if (content is not null)
        {
            form.Add(content, "content", "file.bin");
        }

        return form;
    }

    public static (string, string)[] Fields(RegisterFileRequest r, string crc) =>
        [("type", r.Type), ("provisionGroupId", r.ProvisionGroupId), ("updateGroupId", r.UpdateGroupId), ("fileName", r.FileName), ("version", r.Version), ("crc", crc)];

    public static ByteArrayContent Content(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    public static async Task<HttpResponseMessage> PostAsync(QdmsClient client, HttpContent body, CancellationToken ct = default) =>
        await client.Http.PostAsync("api/v1/files", body, ct);

    public static string Crc(byte[] bytes) => $"{Qdms.Core.Files.Crc32.Compute(bytes):X8}";
}
