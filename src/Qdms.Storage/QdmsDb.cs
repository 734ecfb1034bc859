using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Qdms.Storage;

/// <summary>
/// Opens connections to QDMS's database, SQLite or PostgreSQL. SQLite runs in WAL mode with foreign keys on;
/// <c>synchronous=NORMAL</c> keeps every committed transaction across a process kill (only an OS crash may lose the last ones).
/// </summary>
public sealed class QdmsDb : IDisposable
{
    private readonly string _connectionString;
    private readonly NpgsqlDataSource? _postgres;

    public QdmsDb(StorageOptions options)
    {
        Dialect = options.Dialect;
        if (Dialect == Dialect.Postgres)
        {
            _connectionString = options.ConnectionString!;
            _postgres = NpgsqlDataSource.Create(_connectionString);
        }
        else
        {
            var builder = string.IsNullOrWhiteSpace(options.ConnectionString)
                ? new SqliteConnectionStringBuilder { DataSource = Path.Combine(options.DataDirectory, "qdms.db") }
                : new SqliteConnectionStringBuilder(options.ConnectionString);
            builder.Pooling = true;
            builder.DefaultTimeout = 30;
            var file = builder.DataSource;
            if (!string.IsNullOrEmpty(file) && file != ":memory:")
            {
                var dir = Path.GetDirectoryName(Path.GetFullPath(file));
                if (dir is not null)
                {
                    Directory.CreateDirectory(dir);
                }
            }

            _connectionString = builder.ToString();
            SqliteFile = file;
        }
    }

    public Dialect Dialect { get; }

    /// <summary>The SQLite database file, when the dialect is SQLite.</summary>
    public string? SqliteFile { get; }

    /// <summary>A short, secret-free description for logs: the dialect and the file or host/database.</summary>
    public string Describe()
    {
        if (Dialect == Dialect.Sqlite)
        {
            return $"SQLite {Path.GetFullPath(SqliteFile ?? "")}";
        }

        var b = new NpgsqlConnectionStringBuilder(_connectionString);
        return $"PostgreSQL {b.Host}:{b.Port}/{b.Database}";
    }

    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(ct);
        }

        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        // Per-connection settings; journal_mode=WAL is persistent and set once by the migrator.
        cmd.CommandText = "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";
        await cmd.ExecuteNonQueryAsync(ct);
        return connection;
    }

    public void Dispose() => _postgres?.Dispose();
}
