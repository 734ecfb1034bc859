using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Qdms.Core.Auth;
using Qdms.Core.Tenants;
using Qdms.Storage;
using Qdms.Storage.Migrations;

namespace Qdms.Server.Hosting;

internal static partial class QdmsInitialization
{
    public const string AdminPasswordVariable = "QDMS_ADMIN_PASSWORD";
    public const string AdminPasswordFile = "admin-password.txt";

    /// <summary>Migrates the schema, makes the default tenant and, on an empty database, the first sysop.</summary>
    public static async Task InitializeQdmsAsync(this WebApplication app, CancellationToken ct = default)
    {
        var sp = app.Services;
        var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Qdms.Startup");
        sp.GetRequiredService<Operability.PrometheusExporter>(); // listen from the first request on
        sp.GetRequiredService<Operability.QdmsMeter>();
        var db = sp.GetRequiredService<QdmsDb>();
        var applied = await sp.GetRequiredService<Migrator>().MigrateAsync(MigrationCatalog.All, ct);
        LogDatabase(log, db.Describe(), applied.Count == 0 ? "none" : string.Join(",", applied));

        var bootstrap = sp.GetRequiredService<Bootstrap>();
        sp.GetRequiredService<DefaultTenant>().Id = await bootstrap.EnsureDefaultTenantAsync(ct);

        var storage = sp.GetRequiredService<StorageOptions>();
        var iterations = sp.GetRequiredService<IOptions<AuthOptions>>().Value.PasswordIterations;
        string? writtenTo = null;
        var created = await bootstrap.EnsureAdminAsync(
            () =>
            {
                var fromEnv = app.Configuration[AdminPasswordVariable];
                if (!string.IsNullOrEmpty(fromEnv))
                {
                    return fromEnv;
                }

                var password = RandomPassword();
                writtenTo = Path.GetFullPath(Path.Combine(storage.DataDirectory, AdminPasswordFile));
                WriteSecretFile(writtenTo, password + "\n");
                return password;
            },
            iterations,
            ct);
        if (created)
        {
            LogAdminCreated(log, Bootstrap.AdminUsername, writtenTo ?? $"${AdminPasswordVariable}");
        }
    }

    private static string RandomPassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', 'x').Replace('/', 'y');

    /// <summary>Writes a file readable by its owner only (0600), created with that mode so no other user can open it in between.</summary>
    private static void WriteSecretFile(string path, string content)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(content);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Database {Database}; migrations applied now: {Applied}")]
    private static partial void LogDatabase(ILogger logger, string database, string applied);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "First start: created sysop '{User}'; its password is in {Where}")]
    private static partial void LogAdminCreated(ILogger logger, string user, string where);
}
