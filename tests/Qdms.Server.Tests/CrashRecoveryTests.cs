using Microsoft.Data.Sqlite;
using Qdms.Client;
using Qdms.Contracts;
using Qdms.Server.Tests.Files;
using Qdms.Server.Tests.Support;
using Qdms.Testing;

namespace Qdms.Server.Tests;

/// <summary>
/// <c>kill -9</c> of a real server process in the middle of work, then a restart on the same data directory: the database
/// opens cleanly, every acknowledged write is there, and nothing half-written is.
/// </summary>
public sealed class CrashRecoveryTests
{
    private const string Password = "crash-test-pass-1";

    [Fact]
    public async Task Kill_9_during_an_upload_keeps_acknowledged_files_and_leaves_no_partial_one()
    {
        using var data = new TempDirectory();
        var env = new Dictionary<string, string?> { ["QDMS_ADMIN_PASSWORD"] = Password };
        var bytes = new byte[300_000];
        new Random(7).NextBytes(bytes);
        FileDto kept;
        await using (var server = ServerProcess.Start(["--data", data.Path], env))
        {
            var client = await SignInAsync(server);
            kept = await client.RegisterFileAsync(new MemoryStream(bytes), new RegisterFileRequest("fw", "lab", "wave1", "kept.bin", "1.0"));

            // A second upload streams 8 MiB and then stalls; kill the server while that body is half received.
            var stalling = new StallingStream(8L << 20);
            using var cts = new CancellationTokenSource();
            var upload = client.RegisterFileAsync(stalling, new RegisterFileRequest("fw", "lab", "wave1", "partial.bin", "2.0", Crc: "0x00000000"), ct: cts.Token);
            await stalling.Stalled.WaitAsync(TimeSpan.FromSeconds(30));
            await WaitForAsync(() => Directory.EnumerateFiles(Path.Combine(data.Path, "files"), ".upload-*").Any(), "the partial upload's temp file");
            await server.KillHardAsync();
            await cts.CancelAsync();
            await Assert.ThrowsAnyAsync<Exception>(() => upload);
        }

        Assert.Equal("ok", IntegrityCheck(Path.Combine(data.Path, "qdms.db")));
        await using (var server = ServerProcess.Start(["--data", data.Path], env))
        {
            var client = await SignInAsync(server);
            var files = await client.ListFilesAsync();
            var only = Assert.Single(files.Items);
            Assert.Equal(kept.Id, only.Id);
            Assert.Equal(kept.Sha256, only.Sha256);
            var token = await client.CreateDownloadTokenAsync(kept.Id);
            Assert.Equal(bytes, await client.Http.GetByteArrayAsync(token.Url));
            Assert.Empty(Directory.EnumerateFiles(Path.Combine(data.Path, "files"), ".upload-*")); // the start-up sweep removed it
            Assert.Single(Directory.EnumerateFiles(Path.Combine(data.Path, "files")));
        }
    }

    internal static async Task<QdmsClient> SignInAsync(ServerProcess server)
    {
        var client = await server.WaitUntilListeningAsync();
        client.UseToken((await client.LoginAsync("admin", Password)).Token);
        return client;
    }

    internal static string IntegrityCheck(string file)
    {
        using var c = new SqliteConnection($"Data Source={file};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check";
        return (string)cmd.ExecuteScalar()!;
    }

    internal static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(20); // polling a file system condition: no event to await
        }
    }
}
