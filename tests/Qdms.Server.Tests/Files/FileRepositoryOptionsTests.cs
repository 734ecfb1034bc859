using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Qdms.Server.Files;
using Qdms.Storage;
using Qdms.Testing;

namespace Qdms.Server.Tests.Files;

/// <summary><c>Qdms:Files</c> is bound and checked as the server registers it: a bad value fails with a message naming the key.</summary>
public sealed class FileRepositoryOptionsTests : IDisposable
{
    private readonly TempDirectory _data = new("qdms-files-options");

    [Theory]
    [InlineData("Qdms:Files:MaxFileSize", "0")]
    [InlineData("Qdms:Files:DownloadTokenLifetime", "00:00:05")]
    [InlineData("Qdms:Files:DownloadTokenLifetime", "31.00:00:00")]
    [InlineData("Qdms:Files:PublicBaseUrl", "ftp://example.net")]
    public void A_bad_setting_fails_validation_naming_the_key(string key, string value)
    {
        var e = Assert.Throws<OptionsValidationException>(() => Options(new() { [key] = value }));
        Assert.Contains(key, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_files_directory_defaults_to_files_under_the_data_directory_and_is_created()
    {
        var options = Options([]);
        Assert.Equal(Path.Combine(Path.GetFullPath(_data.Path), "files"), options.Directory);
        Assert.True(Directory.Exists(options.Directory));
        Assert.Equal(4L * 1024 * 1024 * 1024, options.MaxFileSize);
    }

    [Fact]
    public void Settings_are_bound()
    {
        var dir = Path.Combine(_data.Path, "elsewhere");
        var options = Options(new() { ["Qdms:Files:Directory"] = dir, ["Qdms:Files:MaxFileSize"] = "1000", ["Qdms:Files:DownloadTokenLifetime"] = "01:00:00" });
        Assert.Equal(dir, options.Directory);
        Assert.Equal(1000, options.MaxFileSize);
        Assert.Equal(TimeSpan.FromHours(1), options.DownloadTokenLifetime);
    }

    public void Dispose() => _data.Dispose();

    private Core.Files.FileRepositoryOptions Options(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddQdmsFiles(configuration, new StorageOptions { DataDirectory = _data.Path });
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<Core.Files.FileRepositoryOptions>>().Value;
    }
}
