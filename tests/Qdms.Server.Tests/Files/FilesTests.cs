using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Qdms.Client;
using Qdms.Contracts;
using Qdms.Core.Devices;
using Qdms.Server.Tests.Support;
using static Qdms.Server.Tests.Files.FileUploads;

namespace Qdms.Server.Tests.Files;

/// <summary>The file repository's REST routes (IF-03) and its device-facing download route.</summary>
public abstract class FilesTests(FilesApp app)
{
    [Fact]
    public async Task A_registered_file_is_listed_and_shown_with_its_crc_sha256_and_size()
    {
        var (op, tenant, user) = await app.TenantUserAsync("operator");
        var bytes = Bytes(300_000);
        var request = Request();
        var file = await RegisterAsync(op, bytes, request);

        Assert.Equal(tenant.Id, file.TenantId);
        Assert.Equal("fw", file.Type);
        Assert.Equal(request.FileName, file.FileName);
        Assert.Equal(request.Version, file.Version);
        Assert.Equal("pg-1", file.ProvisionGroupId);
        Assert.Equal("ug-1", file.UpdateGroupId);
        Assert.Equal(bytes.Length, file.Size);
        Assert.Equal("0x" + Crc(bytes), file.Crc32);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Sha256);
        Assert.Equal(user.Username, file.CreatedBy);
        Assert.Equal($"/files/{file.Id}/{request.FileName}", file.DownloadPath);

        Assert.Equal(file, await op.GetFileAsync(file.Id));
        var listed = await op.ListFilesAsync(type: "fw", group: "ug-1");
        Assert.Contains(listed.Items, f => f.Id == file.Id);
        Assert.Empty((await op.ListFilesAsync(type: "config")).Items);
        Assert.Empty((await op.ListFilesAsync(group: "no-such-group")).Items);

        var key = await TestDb.ScalarAsync<string>(app, "SELECT content_key FROM files WHERE id = @id", new { id = file.Id });
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(app.FilesDirectory, key)));
        var admin = await app.AdminAsync();
        Assert.Contains((await admin.ListAuditAsync(action: "file.register", size: 1000)).Items, e => e.Target == $"file/{file.Id}");
    }

    [Fact]
    public async Task A_crc_mismatch_is_422_naming_both_crcs_and_leaves_no_row_and_no_file()
    {
        var (op, _, _) = await app.TenantUserAsync("operator");
        var bytes = Bytes(50_000);
        var before = app.FilesOnDisk();
        var request = Request(crc: "0xDEADBEEF");

        var e = await Assert.ThrowsAsync<QdmsApiException>(() => RegisterAsync(op, bytes, request));

        Assert.Equal(422, e.Status);
        Assert.Contains("0xDEADBEEF", e.Message, StringComparison.Ordinal);
        Assert.Contains("0x" + Crc(bytes), e.Message, StringComparison.Ordinal);
        Assert.Equal(0, await TestDb.ScalarAsync<long>(app, "SELECT COUNT(*) FROM files WHERE name = @n", new { n = request.FileName }));
        Assert.Equal(before, app.FilesOnDisk());
    }

    [Fact]
    public async Task The_crc_may_be_given_in_hex_with_or_without_0x_and_in_any_case()
    {
        var (op, _, _) = await app.TenantUserAsync("operator");
        var bytes = Bytes(1000, seed: 11);
        await RegisterAsync(op, bytes, Request(crc: Crc(bytes).ToLowerInvariant()));
        await RegisterAsync(op, bytes, Request(crc: "0x" + Crc(bytes)));
        var e = await Assert.ThrowsAsync<QdmsApiException>(() => RegisterAsync(op, bytes, Request(crc: "12 34")));
        Assert.Equal(400, e.Status);
        Assert.True(e.Errors!.ContainsKey("crc"));
    }

    [Fact]
    public async Task Missing_fields_are_a_400_naming_each_of_them_and_leave_nothing()
    {
        var (op, _, _) = await app.TenantUserAsync("operator");
        var before = app.FilesOnDisk();
        using var response = await PostAsync(op, Form([("type", "fw"), ("fileName", "a.bin")], Content(Bytes(10_000))));
        var e = await Assert.ThrowsAsync<QdmsApiException>(() => QdmsClient.EnsureSuccessAsync(response, default));
        Assert.Equal(400, e.Status);
        Assert.Equal(["crc", "provisionGroupId", "updateGroupId", "version"], e.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(before, app.FilesOnDisk());

        var r = Request();
        using var noContent = await PostAsync(op, Form(Fields(r, "0x0"), null));
        e = await Assert.ThrowsAsync<QdmsApiException>(() => QdmsClient.EnsureSuccessAsync(noContent, default));
        Assert.Equal(400, e.Status);
        Assert.Equal(["content"], e.Errors!.Keys);
    }

    [Fact]
    public async Task Fields_may_come_after_the_content()
    {
        var (op, _, _) = await app.TenantUserAsync("operator");
        var bytes = Bytes(20_000, seed: 5);
        var r = Request();
        using var response = await PostAsync(op, Form(Fields(r, Crc(bytes)), Content(bytes), contentAt: 0));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<FileDto>(QdmsClient.Json))!;
        Assert.Equal(bytes.Length, created.Size);
        Assert.Equal(r.FileName, created.FileName);
    }

    [Fact]
    public async Task A_body_that_is_not_multipart_is_a_415()
    {
        var (op, _, _) = await app.TenantUserAsync("operator");
        using var response = await PostAsync(op, new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Registering_the_same_type_name_and_version_twice_is_a_409_and_leaves_no_second_file()
    {
        var (op, _, _) = await app.TenantUserAsync("operator");
        var request = Request();
        await RegisterAsync(op, Bytes(100), request);
        var before = app.FilesOnDisk();
        var e = await Assert.ThrowsAsync<QdmsApiException>(() => RegisterAsync(op, Bytes(200), request));
        Assert.Equal(409, e.Status);
        Assert.Equal(before, app.FilesOnDisk());
    }

    [Fact]
    public async Task A_viewer_can_read_but_cannot_register_unregister_or_make_tokens()
    {
        var (op, tenant, _) = await app.TenantUserAsync("operator");
        var file = await RegisterAsync(op, Bytes(100));
        var admin = await app.AdminAsync();
        var name = "v" + Guid.NewGuid().ToString("N")[..10];
        await admin.CreateUserAsync(new CreateUserRequest(name, "user-pass-123", "viewer", tenant.Id));
        var viewer = await app.SignInAsync(name, "user-pass-123");
        var before = app.FilesOnDisk();

        Assert.Equal(403, (await Assert.ThrowsAsync<QdmsApiException>(() => RegisterAsync(viewer, Bytes(100)))).Status);
        Assert.Equal(403, (await Assert.ThrowsAsync<QdmsApiException>(() => viewer.UnregisterFileAsync(file.Id))).Status);
        Assert.Equal(403, (await Assert.ThrowsAsync<QdmsApiException>(() => viewer.CreateDownloadTokenAsync(file.Id))).Status);
        Assert.Equal(before, app.FilesOnDisk());
        Assert.Equal(file.Id, (await viewer.GetFileAsync(file.Id)).Id);
    }

    [Fact]
    public async Task Another_tenants_file_is_invisible_through_every_route()
    {
        var (a, _, _) = await app.TenantUserAsync("operator");
        var (b, tenantB, _) = await app.TenantUserAsync("operator");
        var file = await RegisterAsync(a, Bytes(100));

        Assert.DoesNotContain((await b.ListFilesAsync(size: 1000)).Items, f => f.Id == file.Id);
        Assert.Equal(404, (await Assert.ThrowsAsync<QdmsApiException>(() => b.GetFileAsync(file.Id))).Status);
        Assert.Equal(404, (await Assert.ThrowsAsync<QdmsApiException>(() => b.UnregisterFileAsync(file.Id))).Status);
        Assert.Equal(404, (await Assert.ThrowsAsync<QdmsApiException>(() => b.CreateDownloadTokenAsync(file.Id))).Status);
        Assert.Equal(0, (await b.ListFileServersAsync())[0].FileCount);

        var device = "dev-" + Guid.NewGuid().ToString("N");
        app.Devices.Add(device, "device-pass", new AuthenticatedDevice(9001, tenantB.Id));
        using var download = await Device(device, "device-pass").GetAsync(file.DownloadPath);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.Equal(file.Id, (await a.GetFileAsync(file.Id)).Id);
    }

    [Fact]
    public async Task A_download_token_for_another_tenants_device_or_another_devices_task_is_refused_with_404()
    {
        var (op, _, _) = await app.TenantUserAsync("operator");
        var (other, _, _) = await app.TenantUserAsync("operator");
        var file = await RegisterAsync(op, Bytes(10));
        var mine = await op.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("tr069", "mine-" + Guid.NewGuid().ToString("N"))]));
        var second = await op.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("tr069", "second-" + Guid.NewGuid().ToString("N"))]));
        var theirs = await other.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("tr069", "theirs-" + Guid.NewGuid().ToString("N"))]));
        var secondsTask = await op.CreateTaskAsync(second.Id, new CreateTaskRequest("reboot"));

        var e = await Assert.ThrowsAsync<QdmsApiException>(() => op.CreateDownloadTokenAsync(file.Id, new CreateDownloadTokenRequest(DeviceId: theirs.Id)));
        Assert.Equal(404, e.Status);
        Assert.Contains("device", e.Message, StringComparison.Ordinal);
        e = await Assert.ThrowsAsync<QdmsApiException>(() => op.CreateDownloadTokenAsync(file.Id, new CreateDownloadTokenRequest(DeviceId: mine.Id, TaskId: secondsTask.Id)));
        Assert.Equal(404, e.Status);
        Assert.Contains("task", e.Message, StringComparison.Ordinal);

        var ok = await op.CreateDownloadTokenAsync(file.Id, new CreateDownloadTokenRequest(DeviceId: second.Id, TaskId: secondsTask.Id));
        Assert.StartsWith("qdl_", ok.Token, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_download_token_fetches_the_whole_file_a_range_the_headers_and_honours_the_etag()
    {
        var (op, _, _) = await app.TenantUserAsync("operator");
        var bytes = Bytes(100_000, seed: 3);
        var file = await RegisterAsync(op, bytes);
        var device = await op.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("tr069", "token-" + Guid.NewGuid().ToString("N"))]));
        var token = await op.CreateDownloadTokenAsync(file.Id, new CreateDownloadTokenRequest(DeviceId: device.Id, ExpiresInSeconds: 600));
        Assert.StartsWith("qdl_", token.Token, StringComparison.Ordinal);
        Assert.EndsWith($"{file.DownloadPath}?token={Uri.EscapeDataString(token.Token)}", token.Url, StringComparison.Ordinal);
        Assert.InRange(token.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(500), DateTimeOffset.UtcNow.AddSeconds(700));
        var http = app.CreateClient();

        using var full = await http.GetAsync(token.Url);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal(bytes, await full.Content.ReadAsByteArrayAsync());
        Assert.Equal($"\"{file.Sha256}\"", full.Headers.ETag!.Tag);
        Assert.False(full.Headers.ETag.IsWeak);
        Assert.Contains("bytes", full.Headers.AcceptRanges);
        Assert.NotNull(full.Content.Headers.LastModified);

        using var range = new HttpRequestMessage(HttpMethod.Get, token.Url);
        range.Headers.Range = new RangeHeaderValue(1000, 1999);
        using var partial = await http.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal($"bytes 1000-1999/{bytes.Length}", partial.Content.Headers.ContentRange!.ToString());
        Assert.Equal(bytes[1000..2000], await partial.Content.ReadAsByteArrayAsync());

        using var unsatisfiable = new HttpRequestMessage(HttpMethod.Get, token.Url);
        unsatisfiable.Headers.Range = new RangeHeaderValue(bytes.Length + 10, bytes.Length + 20);
        using var refused = await http.SendAsync(unsatisfiable);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, refused.StatusCode);

        using var multiple = new HttpRequestMessage(HttpMethod.Get, token.Url);
        multiple.Headers.Range = new RangeHeaderValue(0, 1);
        multiple.Headers.Range.Ranges.Add(new RangeItemHeaderValue(5, 6));
        using var whole = await http.SendAsync(multiple); // the framework ignores a multi-range request (RFC 9110 §14.2 allows it)
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(bytes.Length, (await whole.Content.ReadAsByteArrayAsync()).Length);

        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, token.Url));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(bytes.Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());

        using var conditional = new HttpRequestMessage(HttpMethod.Get, token.Url);
        conditional.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{file.Sha256}\""));
        using var notModified = await http.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var bearer = new HttpRequestMessage(HttpMethod.Get, file.DownloadPath);
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        using var viaHeader = await http.SendAsync(bearer);
        Assert.Equal(HttpStatusCode.OK, viaHeader.StatusCode);
        Assert.Equal(bytes, await viaHeader.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_missing_wrong_expired_or_other_files_token_is_a_401_with_both_challenges()
    {
        var (op, _, _) = await app.TenantUserAsync("operator");
        var file = await RegisterAsync(op, Bytes(100));
        var other = await RegisterAsync(op, Bytes(100));
        var otherToken = await op.CreateDownloadTokenAsync(other.Id);
        var expired = await op.CreateDownloadTokenAsync(file.Id);
        await TestDb.ExecuteAsync(app, "UPDATE download_tokens SET expires_at = 1 WHERE token_hash = @h",
            new { h = Qdms.Core.Security.SecretToken.HashOf(expired.Token) });
        var http = app.CreateClient();

        foreach (var url in new[]
        {
            file.DownloadPath,
            file.DownloadPath + "?token=qdl_nonsense",
            file.DownloadPath + "?token=" + Uri.EscapeDataString(otherToken.Token),
            expired.Url,
        })
        {
            using var response = await http.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{url} -> {(int)response.StatusCode}");
            var schemes = response.Headers.WwwAuthenticate.Select(h => h.Scheme).ToList();
            Assert.Contains("Basic", schemes);
            Assert.Contains("Bearer", schemes);
        }

        using var good = await http.GetAsync(otherToken.Url);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    [Fact]
    public async Task A_device_of_the_files_tenant_fetches_it_with_basic_credentials()
    {
        var (op, tenant, _) = await app.TenantUserAsync("operator");
        var bytes = Bytes(5000, seed: 9);
        var file = await RegisterAsync(op, bytes);
        var device = "dev-" + Guid.NewGuid().ToString("N");
        app.Devices.Add(device, "device-pass", new AuthenticatedDevice(1, tenant.Id));

        using var ok = await Device(device, "device-pass").GetAsync(file.DownloadPath);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(bytes, await ok.Content.ReadAsByteArrayAsync());

        using var wrongPassword = await Device(device, "nope").GetAsync(file.DownloadPath);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);

        using var wrongName = await Device(device, "device-pass").GetAsync($"/files/{file.Id}/other-name.bin");
        Assert.Equal(HttpStatusCode.NotFound, wrongName.StatusCode);
    }

    [Fact]
    public async Task Unregistering_removes_the_row_the_content_the_tokens_and_the_downloads()
    {
        var (op, tenant, _) = await app.TenantUserAsync("operator");
        var file = await RegisterAsync(op, Bytes(1000));
        var token = await op.CreateDownloadTokenAsync(file.Id);
        var key = await TestDb.ScalarAsync<string>(app, "SELECT content_key FROM files WHERE id = @id", new { id = file.Id });
        Assert.Contains(key, app.FilesOnDisk());
        var device = "dev-" + Guid.NewGuid().ToString("N");
        app.Devices.Add(device, "device-pass", new AuthenticatedDevice(2, tenant.Id));

        await op.UnregisterFileAsync(file.Id);

        Assert.Equal(404, (await Assert.ThrowsAsync<QdmsApiException>(() => op.GetFileAsync(file.Id))).Status);
        Assert.Equal(0, await TestDb.ScalarAsync<long>(app, "SELECT COUNT(*) FROM files WHERE id = @id", new { id = file.Id }));
        Assert.Equal(0, await TestDb.ScalarAsync<long>(app, "SELECT COUNT(*) FROM download_tokens WHERE file_id = @id", new { id = file.Id }));
        Assert.DoesNotContain(key, app.FilesOnDisk());
        using var byToken = await app.CreateClient().GetAsync(token.Url);
        Assert.Equal(HttpStatusCode.Unauthorized, byToken.StatusCode);
        using var byDevice = await Device(device, "device-pass").GetAsync(file.DownloadPath);
        Assert.Equal(HttpStatusCode.NotFound, byDevice.StatusCode);
        Assert.Equal(404, (await Assert.ThrowsAsync<QdmsApiException>(() => op.UnregisterFileAsync(file.Id))).Status);
        var admin = await app.AdminAsync();
        Assert.Contains((await admin.ListAuditAsync(action: "file.unregister", size: 1000)).Items, e => e.Target == $"file/{file.Id}");
    }

    [Fact]
    public async Task The_file_servers_status_shows_the_callers_files_and_the_free_space()
    {
        var (op, _, _) = await app.TenantUserAsync("operator");
        await RegisterAsync(op, Bytes(1000));
        await RegisterAsync(op, Bytes(2345));

        var server = Assert.Single(await op.ListFileServersAsync());

        Assert.Equal("local", server.Name);
        Assert.Equal("local-disk", server.Kind);
        Assert.Equal("ok", server.Status);
        Assert.Null(server.Error);
        Assert.Equal(2, server.FileCount);
        Assert.Equal(3345, server.BytesStored);
        Assert.True(server.FreeBytes > 0);
        Assert.True(server.TotalBytes >= server.FreeBytes);
    }

    [Fact]
    public async Task An_upload_cut_off_by_the_client_leaves_no_file_and_no_row()
    {
        var (op, _, _) = await app.TenantUserAsync("operator");
        var before = app.FilesOnDisk();
        var request = Request(crc: "0x0");
        using var stalling = new StallingStream(bytesBeforeStall: 256 * 1024);
        using var cts = new CancellationTokenSource();

        var upload = app.Streaming(op).RegisterFileAsync(stalling, request, null, cts.Token);
        await stalling.Stalled.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(await FilesApp.EventuallyAsync(() => app.FilesOnDisk().Except(before).Any(n => n.StartsWith(".upload-", StringComparison.Ordinal))),
            "the server never started writing the upload");
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => upload); // OperationCanceledException or HttpRequestException, by handler

        Assert.True(await FilesApp.EventuallyAsync(() => app.FilesOnDisk().SetEquals(before)),
            "left behind: " + string.Join(", ", app.FilesOnDisk().Except(before)));
        Assert.Equal(0, await TestDb.ScalarAsync<long>(app, "SELECT COUNT(*) FROM files WHERE name = @n", new { n = request.FileName }));
    }

    [Fact]
    public async Task The_sweep_deletes_orphaned_content_and_temporary_files_but_keeps_registered_files()
    {
        var (op, _, _) = await app.TenantUserAsync("operator");
        var file = await RegisterAsync(op, Bytes(100));
        var key = await TestDb.ScalarAsync<string>(app, "SELECT content_key FROM files WHERE id = @id", new { id = file.Id });
        var orphan = Guid.NewGuid().ToString("N");
        var temp = $".upload-{Guid.NewGuid():N}.tmp";
        await File.WriteAllTextAsync(Path.Combine(app.FilesDirectory, orphan), "x");
        await File.WriteAllTextAsync(Path.Combine(app.FilesDirectory, temp), "x");

        var files = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Qdms.Core.Files.FileService>(app.Services);
        var (content, _) = await files.SweepAsync(default);

        Assert.True(content >= 2);
        var onDisk = app.FilesOnDisk();
        Assert.DoesNotContain(orphan, onDisk);
        Assert.DoesNotContain(temp, onDisk);
        Assert.Contains(key, onDisk);
    }

    [Fact]
    public async Task A_sysop_registers_into_a_named_tenant()
    {
        var (_, tenant, _) = await app.TenantUserAsync("viewer");
        var admin = await app.AdminAsync();
        var file = await admin.RegisterFileAsync(new MemoryStream(Bytes(10)), Request() with { TenantId = tenant.Id });
        Assert.Equal(tenant.Id, file.TenantId);
        var e = await Assert.ThrowsAsync<QdmsApiException>(() => admin.RegisterFileAsync(new MemoryStream(Bytes(10)), Request() with { TenantId = 987_654 }));
        Assert.Equal(400, e.Status);
    }

    private HttpClient Device(string username, string password)
    {
        var http = app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
        return http;
    }
}

public sealed class SqliteFilesTests(SqliteFilesApp app) : FilesTests(app), IClassFixture<SqliteFilesApp>;

public sealed class PostgresFilesTests(PostgresFilesApp app) : FilesTests(app), IClassFixture<PostgresFilesApp>;
