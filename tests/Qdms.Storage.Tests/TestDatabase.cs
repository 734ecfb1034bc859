using Qdms.Storage.Migrations;
using Qdms.Testing;

namespace Qdms.Storage.Tests;

/// <summary>A fresh, migrated database of one kind for a test class: a SQLite file in a temp dir, or a new PostgreSQL database.</summary>
public abstract class TestDatabase(DbKind kind) : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("qdms-db");
    private string? _postgres;

    public DbKind Kind { get; } = kind;

    public QdmsDb Db { get; private set; } = null!;

    public StorageOptions Options { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (Kind == DbKind.Postgres)
        {
            _postgres = await PostgresServer.CreateDatabaseAsync();
        }

        Options = new StorageOptions { DataDirectory = _dir.Path, ConnectionString = _postgres };
        Db = new QdmsDb(Options);
        await new Migrator(Db).MigrateAsync(MigrationCatalog.All, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        Db.Dispose();
        if (_postgres is not null)
        {
            await PostgresServer.DropDatabaseAsync(_postgres);
        }

        _dir.Dispose();
    }
}

public sealed class SqliteDatabase() : TestDatabase(DbKind.Sqlite);

public sealed class PostgresDatabase() : TestDatabase(DbKind.Postgres);
