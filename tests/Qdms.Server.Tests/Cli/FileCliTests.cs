using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Qdms.Server.Tests.Support;
using Qdms.Testing;

namespace Qdms.Server.Tests.Cli;

/// <summary><c>qdms files …</c>: uploads stream through the in-process server's own handler, as they would over a socket.</summary>
public sealed class FileCliTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string[] Groups = ["--provision-group", "pg-cli", "--update-group", "ug-cli"];

    private static async Task<(string Path, byte[] Bytes)> WriteAsync(TempDirectory dir, string name, int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        var path = Path.Combine(dir.Path, name);
        await File.WriteAllBytesAsync(path, bytes);
        return (path, bytes);
    }

    private static string Crc(byte[] bytes) => $"0x{Qdms.Core.Files.Crc32.Compute(bytes):X8}";

    [Fact]
    public async Task A_file_registered_with_or_without_a_crc_is_listed_shown_and_unregistered()
    {
        using var cli = await CliSignIn.TenantUserAsync(app, "operator");
        using var dir = new TempDirectory("qdms-cli-files");
        var (computed, computedBytes) = await WriteAsync(dir, "router-fw.bin", 700_000, seed: 1);
        var (given, givenBytes) = await WriteAsync(dir, "modem-sw.bin", 200_000, seed: 2);

        var (exit, output) = await cli.RunAsync(["files", "register", computed, "--type", "fw", "--version", "1.2.3", .. Groups]);
        Assert.True(exit == 0, output);
        Assert.Contains("router-fw.bin", output, StringComparison.Ordinal);
        Assert.Contains(Crc(computedBytes), output, StringComparison.Ordinal);
        Assert.Contains($"{computedBytes.Length} bytes", output, StringComparison.Ordinal);

        var second = await cli.JsonAsync(["files", "register", given, "--type", "sw", "--version", "2.0", "--name", "modem.img", "--crc", Crc(givenBytes)[2..].ToLowerInvariant(), .. Groups]);
        Assert.Equal(("modem.img", "sw", givenBytes.Length), (second.GetProperty("fileName").GetString(), second.GetProperty("type").GetString(), second.GetProperty("size").GetInt32()));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(givenBytes)), second.GetProperty("sha256").GetString());
        var secondId = second.GetProperty("id").GetInt64();

        var all = await cli.JsonAsync("files", "list");
        Assert.Equal(2, all.GetProperty("total").GetInt64());
        var fw = await cli.JsonAsync("files", "list", "--type", "fw");
        var firstId = Assert.Single(fw.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64();
        var table = await cli.OkAsync("files", "list", "--group", "ug-cli");
        Assert.Contains("router-fw.bin", table, StringComparison.Ordinal);
        Assert.Contains("modem.img", table, StringComparison.Ordinal);
        Assert.Contains("2 of 2 (page 1)", table, StringComparison.Ordinal);
        Assert.Equal(0, (await cli.JsonAsync("files", "list", "--group", "no-such-group")).GetProperty("total").GetInt64());

        var shown = await cli.OkAsync("files", "show", secondId.Text());
        Assert.Contains("modem.img", shown, StringComparison.Ordinal);
        Assert.Contains($"/files/{secondId}/modem.img", shown, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(givenBytes)), shown, StringComparison.Ordinal);

        Assert.Contains($"File {firstId} unregistered.", await cli.OkAsync("files", "unregister", firstId.Text()), StringComparison.Ordinal);
        (exit, output) = await cli.RunAsync("files", "show", firstId.Text());
        Assert.Equal(1, exit);
        Assert.Contains("HTTP 404", output, StringComparison.Ordinal);
        Assert.Equal([secondId], (await cli.JsonAsync("files", "list")).GetProperty("items").EnumerateArray().Select(f => f.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task A_wrong_crc_prints_the_422_and_stores_nothing()
    {
        using var cli = await CliSignIn.TenantUserAsync(app, "operator");
        using var dir = new TempDirectory("qdms-cli-files");
        var (path, bytes) = await WriteAsync(dir, "wrong.bin", 50_000, seed: 3);

        var (exit, output) = await cli.RunAsync(["files", "register", path, "--type", "fw", "--version", "1", "--crc", "0xDEADBEEF", .. Groups]);
        Assert.Equal(1, exit);
        Assert.Contains("HTTP 422", output, StringComparison.Ordinal);
        Assert.Contains("0xDEADBEEF", output, StringComparison.Ordinal);
        Assert.Contains(Crc(bytes), output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.Equal(0, (await cli.JsonAsync("files", "list")).GetProperty("total").GetInt64());

        (exit, output) = await cli.RunAsync(["files", "register", Path.Combine(dir.Path, "missing.bin"), "--type", "fw", "--version", "1", .. Groups]);
        Assert.Equal(1, exit);
        Assert.Contains("No such file", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_printed_token_url_downloads_the_same_bytes()
    {
        using var cli = await CliSignIn.TenantUserAsync(app, "operator");
        using var dir = new TempDirectory("qdms-cli-files");
        var (path, bytes) = await WriteAsync(dir, "config.xml", 123_457, seed: 4);
        var id = (await cli.JsonAsync(["files", "register", path, "--type", "config", "--version", "7", .. Groups])).GetProperty("id").GetInt64();

        var device = (await cli.JsonAsync("devices", "add", "--identity", "tr069:cli-token-" + Guid.NewGuid().ToString("N"))).GetProperty("id").GetInt64();
        var output = await cli.OkAsync("files", "token", id.Text(), "--device", device.Text(), "--expires-in", "600");
        Assert.Contains($"Download token for file {id}", output, StringComparison.Ordinal);
        var url = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
        Assert.Contains($"/files/{id}/config.xml?token=", url, StringComparison.Ordinal);
        using var http = app.CreateClient();
        using var download = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());

        var token = await cli.JsonAsync("files", "token", id.Text());
        Assert.StartsWith("qdl_", token.GetProperty("token").GetString(), StringComparison.Ordinal);
        await cli.OkAsync("files", "unregister", id.Text());
        using var gone = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.Unauthorized, gone.StatusCode);
    }

    [Fact]
    public async Task File_servers_show_their_state_and_what_they_hold()
    {
        using var cli = await CliSignIn.AdminAsync(app);
        var servers = await cli.JsonAsync("files", "servers");
        var server = Assert.Single(servers.EnumerateArray());
        Assert.Equal("ok", server.GetProperty("status").GetString());
        Assert.True(server.GetProperty("freeBytes").GetInt64() > 0);
        var table = await cli.OkAsync("files", "servers");
        Assert.Contains(server.GetProperty("name").GetString()!, table, StringComparison.Ordinal);
        Assert.Matches(@"\d+(\.\d)? (B|KiB|MiB|GiB)", table);
    }

    [Fact]
    public async Task A_viewer_is_refused_registration_with_exit_code_3()
    {
        using var cli = await CliSignIn.TenantUserAsync(app, "viewer");
        using var dir = new TempDirectory("qdms-cli-files");
        var (path, _) = await WriteAsync(dir, "denied.bin", 1000, seed: 5);
        var (exit, output) = await cli.RunAsync(["files", "register", path, "--type", "fw", "--version", "1", .. Groups]);
        Assert.Equal(3, exit);
        Assert.Contains("HTTP 403", output, StringComparison.Ordinal);
        Assert.Equal(0, (await cli.JsonAsync("files", "list")).GetProperty("total").GetInt64()); // the viewer may read, and nothing was stored
    }

    [Fact]
    public async Task Help_renders_for_files()
    {
        using var offline = new OfflineCli();
        await offline.AssertHelpAsync("files", "register", "unregister", "list", "show", "servers", "token");
    }

    [Fact]
    public async Task Every_file_command_prints_one_line_when_the_server_is_unreachable()
    {
        using var offline = new OfflineCli();
        using var dir = new TempDirectory("qdms-cli-offline");
        var (path, bytes) = await WriteAsync(dir, "offline.bin", 10_000, seed: 6);
        string[] register = ["files", "register", path, "--type", "fw", "--version", "1", .. Groups];
        await offline.AssertUnreachableAsync(register);
        await offline.AssertUnreachableAsync([.. register, "--crc", Crc(bytes)]);
        await offline.AssertUnreachableAsync([.. register, "--json"]);
        await offline.AssertUnreachableAsync("files", "unregister", "1");
        await offline.AssertUnreachableAsync("files", "list");
        await offline.AssertUnreachableAsync("files", "show", "1");
        await offline.AssertUnreachableAsync("files", "servers");
        await offline.AssertUnreachableAsync("files", "token", "1");

        await offline.AssertNotQdmsAsync([.. register, "--json"]);
        await offline.AssertNotQdmsAsync("files", "list");
        await offline.AssertNotQdmsAsync("files", "servers");
    }
}
