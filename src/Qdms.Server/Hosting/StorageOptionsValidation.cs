using Npgsql;
using Qdms.Storage;

namespace Qdms.Server.Hosting;

/// <summary>Checks <c>Qdms:Storage</c> before anything opens the database; the message names the key, the value and the rule.</summary>
internal static class StorageOptionsValidation
{
    public static StorageOptions BindAndValidate(IConfiguration configuration)
    {
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            throw new OptionsValidationFailure("Qdms:Storage:DataDirectory is empty: it must name a directory QDMS can write to (default 'data').");
        }

        try
        {
            Directory.CreateDirectory(options.DataDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OptionsValidationFailure($"Qdms:Storage:DataDirectory '{options.DataDirectory}' cannot be created: {e.Message}");
        }

        if (options.Dialect == Dialect.Postgres)
        {
            try
            {
                var b = new NpgsqlConnectionStringBuilder(options.ConnectionString);
                if (string.IsNullOrEmpty(b.Host) || string.IsNullOrEmpty(b.Database))
                {
                    throw new OptionsValidationFailure("Qdms:Storage:ConnectionString names PostgreSQL but lacks Host= or Database=.");
                }
            }
            catch (ArgumentException e)
            {
                throw new OptionsValidationFailure($"Qdms:Storage:ConnectionString is not a valid PostgreSQL connection string: {e.Message}");
            }
        }

        return options;
    }
}

/// <summary>A setting that stops start-up; its message is printed as it is.</summary>
internal sealed class OptionsValidationFailure(string message) : Exception(message);
