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

    [Theory]
    [InlineData(DbKind.Sqlite)]
    [InlineData(DbKind.Postgres)]
    public async Task Kill_9_during_a_burst_of_device_writes_loses_no_acknowledged_write(DbKind kind)
    {
        using var data = new TempDirectory();
        var db = kind == DbKind.Postgres ? await PostgresServer.CreateDatabaseAsync() : null;
        string[] args = db is null ? ["--data", data.Path] : ["--data", data.Path, "--db", db];
        var env = new Dictionary<string, string?> { ["QDMS_ADMIN_PASSWORD"] = Password };
        var devices = new System.Collections.Concurrent.ConcurrentDictionary<long, string>();
        var tasks = new System.Collections.Concurrent.ConcurrentDictionary<long, long>();
        await using (var server = ServerProcess.Start(args, env))
        {
            var client = await SignInAsync(server);
            var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var killed = false;
            var workers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
            {
                for (var i = 0; ; i++)
                {
                    try
                    {
                        var key = $"crash-{w}-{i}";
                        var device = await client.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("tr069", key)]));
                        devices[device.Id] = key; // acknowledged: the 201 arrived
                        var task = await client.CreateTaskAsync(device.Id, new CreateTaskRequest("reboot"));
                        tasks[task.Id] = device.Id;
                        if (devices.Count >= 300)
                        {
                            enough.TrySetResult();
                        }
                    }
                    catch (Exception) when (Volatile.Read(ref killed))
                    {
                        return; // the server is gone
                    }
                }
            })).ToList();
            await enough.Task.WaitAsync(TimeSpan.FromSeconds(60));
            Volatile.Write(ref killed, true);
            await server.KillHardAsync(); // while the workers are still writing
            await Task.WhenAll(workers);
        }

        if (db is null)
        {
            Assert.Equal("ok", IntegrityCheck(Path.Combine(data.Path, "qdms.db")));
        }

        await using (var server = ServerProcess.Start(args, env))
        {
            var client = await SignInAsync(server);
            var found = new Dictionary<long, string>();
            for (var page = 1; ; page++)
            {
                var result = await client.ListDevicesAsync(page: page, size: 1000);
                foreach (var d in result.Items)
                {
                    found[d.Id] = d.Identities.Single().Key;
                }

                if (result.Items.Count < 1000)
                {
                    break;
                }
            }

            var lost = devices.Where(d => !found.TryGetValue(d.Key, out var key) || key != d.Value).ToList();
            Assert.True(lost.Count == 0, $"{lost.Count} of {devices.Count} acknowledged devices are missing after the restart");
            foreach (var (taskId, deviceId) in tasks)
            {
                Assert.Equal(deviceId, (await client.GetTaskAsync(taskId)).DeviceId);
            }
        }

        if (db is not null)
        {
            await PostgresServer.DropDatabaseAsync(db);
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
