using System.Net;
using Qdms.Server.Tests.Support;

namespace Qdms.Server.Tests.Files;

/// <summary>What the server does about files when it starts, and how it describes the file routes.</summary>
public sealed class FileStartupTests
{
    [Fact]
    public async Task Start_up_deletes_orphaned_content_and_abandoned_uploads()
    {
        var app = new SqliteFilesApp();
        IAsyncLifetime lifetime = app;
        Directory.CreateDirectory(app.FilesDirectory);
        var orphan = Path.Combine(app.FilesDirectory, Guid.NewGuid().ToString("N"));
        var abandoned = Path.Combine(app.FilesDirectory, $".upload-{Guid.NewGuid():N}.tmp");
        await File.WriteAllTextAsync(orphan, "left by a crash between rename and insert");
        await File.WriteAllTextAsync(abandoned, "left by a crash mid-upload");

        try
        {
            await lifetime.InitializeAsync();
            Assert.False(File.Exists(orphan));
            Assert.False(File.Exists(abandoned));
        }
        finally
        {
            await lifetime.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_api_description_lists_the_file_routes()
    {
        var app = new SqliteFilesApp();
        IAsyncLifetime lifetime = app;
        try
        {
            await lifetime.InitializeAsync();
            using var response = await app.CreateClient().GetAsync("/openapi/v1.json");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            Assert.Contains("/api/v1/files", text, StringComparison.Ordinal);
            Assert.Contains("/api/v1/file-servers", text, StringComparison.Ordinal);
            Assert.Contains("multipart/form-data", text, StringComparison.Ordinal);
        }
        finally
        {
            await lifetime.DisposeAsync();
        }
    }
}
