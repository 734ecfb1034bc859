using System.Net;
using Qdms.Client;
using Qdms.Server.Tests.Support;
using static Qdms.Server.Tests.Files.FileUploads;

namespace Qdms.Server.Tests.Files;

/// <summary><c>Qdms:Files:MaxFileSize</c> (64 KiB in these fixtures): larger uploads are a 413 and leave nothing.</summary>
public abstract class FileSizeLimitTests(FilesApp app)
{
    private const int Limit = 64 * 1024;

    [Fact]
    public async Task A_file_of_exactly_the_limit_is_accepted()
    {
        var (op, _, _) = await app.TenantUserAsync("operator");
        var file = await RegisterAsync(app.Streaming(op), Bytes(Limit));
        Assert.Equal(Limit, file.Size);
    }

    [Fact]
    public async Task A_file_one_byte_over_the_limit_is_a_413_and_leaves_nothing()
    {
        var (op, _, _) = await app.TenantUserAsync("operator");
        var before = app.FilesOnDisk();
        var request = Request();
        var e = await Assert.ThrowsAsync<QdmsApiException>(() => RegisterAsync(app.Streaming(op), Bytes(Limit + 1), request));
        Assert.Equal(413, e.Status);
        Assert.Contains("Qdms:Files:MaxFileSize", e.Message, StringComparison.Ordinal);
        Assert.True(await FilesApp.EventuallyAsync(() => app.FilesOnDisk().SetEquals(before)), "left behind: " + string.Join(", ", app.FilesOnDisk().Except(before)));
        Assert.Equal(0, await TestDb.ScalarAsync<long>(app, "SELECT COUNT(*) FROM files WHERE name = @n", new { n = request.FileName }));
    }

    [Fact]
    public async Task A_large_upload_of_unknown_length_is_cut_off_with_a_413()
    {
        var (op, _, _) = await app.TenantUserAsync("operator");
        var before = app.FilesOnDisk();
        long sent = 0;
        var content = new GeneratedStream(16L * 1024 * 1024, seed: 1, onProgress: p => sent = p);
        var e = await Assert.ThrowsAsync<QdmsApiException>(() => app.Streaming(op).RegisterFileAsync(content, Request(crc: "0x0")));
        Assert.Equal(413, e.Status);
        Assert.True(sent < 16L * 1024 * 1024, "the server read the whole body before refusing it");
        Assert.True(await FilesApp.EventuallyAsync(() => app.FilesOnDisk().SetEquals(before)), "left behind: " + string.Join(", ", app.FilesOnDisk().Except(before)));
    }

    [Fact]
    public async Task A_declared_length_far_over_the_limit_is_refused_before_the_body_is_read()
    {
        var (op, _, _) = await app.TenantUserAsync("operator");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/files") { Content = new StreamContent(new GeneratedStream(4L * 1024 * 1024, seed: 2)) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");
        request.Content.Headers.ContentLength = 4L * 1024 * 1024;
        using var response = await app.Streaming(op).Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}

public sealed class SqliteFileSizeLimitTests(SqliteSmallFilesApp app) : FileSizeLimitTests(app), IClassFixture<SqliteSmallFilesApp>;

public sealed class PostgresFileSizeLimitTests(PostgresSmallFilesApp app) : FileSizeLimitTests(app), IClassFixture<PostgresSmallFilesApp>;
