using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Qdms.Client;
using Qdms.Core.Devices;
using Qdms.Testing;

namespace Qdms.Server.Tests.Support;

/// <summary>
/// A QDMS server for the file repository's tests: made-up device credentials (<see cref="Devices"/>) and, when
/// given, a small <c>Qdms:Files:MaxFileSize</c>.
/// </summary>
public class FilesApp : QdmsAppFactory
{
    public FilesApp(DbKind kind, long? maxFileSize = null)
        : base(kind)
    {
        if (maxFileSize is { } max)
        {
            Settings["Qdms:Files:MaxFileSize"] = max.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public TestDeviceAuthenticator Devices { get; } = new();

    /// <summary>Where the server keeps file content.</summary>
    public string FilesDirectory => Path.Combine(DataDirectory, "files");

    /// <summary>The names of the files in <see cref="FilesDirectory"/>.</summary>
    public IReadOnlySet<string> FilesOnDisk() =>
        Directory.Exists(FilesDirectory) ? Directory.GetFiles(FilesDirectory).Select(p => Path.GetFileName(p)).ToHashSet() : new HashSet<string>();

    /// <summary>
    /// The same caller on a client straight on the test server. The factory's default client buffers every request body
    /// (to replay it on a redirect), which would hide whether an upload streams.
    /// </summary>
    public QdmsClient Streaming(QdmsClient signedIn)
    {
        var client = new QdmsClient(Server.CreateClient());
        client.UseToken(signedIn.Http.DefaultRequestHeaders.Authorization?.Parameter);
        return client;
    }

    /// <summary>Waits, up to a bounded deadline, until <paramref name="condition"/> holds; false when it never did.</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<IDeviceAuthenticator>(Devices));
    }
}

public sealed class SqliteFilesApp() : FilesApp(DbKind.Sqlite);

public sealed class PostgresFilesApp() : FilesApp(DbKind.Postgres);

/// <summary>A 64 KiB file size limit, to test 413.</summary>
public sealed class SqliteSmallFilesApp() : FilesApp(DbKind.Sqlite, 64 * 1024);

public sealed class PostgresSmallFilesApp() : FilesApp(DbKind.Postgres, 64 * 1024);
