namespace Qdms.Storage;

/// <summary><c>Qdms:Storage</c>: where the database is.</summary>
public sealed class StorageOptions
{
    public const string Section = "Qdms:Storage";

    /// <summary>
    /// Empty for the embedded SQLite file <c>&lt;DataDirectory&gt;/qdms.db</c>; <c>Data Source=…</c> for another SQLite file;
    /// <c>Host=…</c> for PostgreSQL.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where QDMS keeps its files: the SQLite database, stored files, the first admin password.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Which dialect the connection string names.</summary>
    public Dialect Dialect => IsPostgres(ConnectionString) ? Dialect.Postgres : Dialect.Sqlite;

    public static bool IsPostgres(string? connectionString) =>
        connectionString is not null &&
        (connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase) || connectionString.Contains("Server=", StringComparison.OrdinalIgnoreCase));
}
