using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Qdms.Core.Devices;
using Qdms.Core.Files;
using Qdms.Storage;

namespace Qdms.Server.Files;

internal static class FileServerRegistration
{
    /// <summary>
    /// The file repository's host side: <c>Qdms:Files</c> bound and validated at start (the directory defaults to
    /// <c>&lt;DataDirectory&gt;/files</c>), the start-up sweep, and a device authenticator that refuses everyone, used only
    /// until the device inventory registers the real one.
    /// </summary>
    public static IServiceCollection AddQdmsFiles(this IServiceCollection services, IConfiguration configuration, StorageOptions storage)
    {
        services.AddOptions<FileRepositoryOptions>()
            .Bind(configuration.GetSection(FileRepositoryOptions.Section))
            .PostConfigure(o => o.Directory = Path.GetFullPath(string.IsNullOrWhiteSpace(o.Directory) ? Path.Combine(storage.DataDirectory, "files") : o.Directory))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<FileRepositoryOptions>, FileRepositoryOptionsValidator>();
        services.TryAddSingleton<IDeviceAuthenticator, RefusingDeviceAuthenticator>();
        services.AddHostedService<FileSweepService>();
        return services;
    }
}
