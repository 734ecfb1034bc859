using Dapper;
using Qdms.Storage.Migrations;

namespace Qdms.Storage.Tests;

public abstract class MigratorTests(TestDatabase database)
{
    [Fact]
    public async Task Every_catalog_migration_is_recorded_once()
    {
        await using var c = await database.Db.OpenAsync();
        var versions = (await c.QueryAsync<int>("SELECT version FROM schema_migrations ORDER BY version")).ToList();
        Assert.Equal(MigrationCatalog.All.Select(m => m.Version).Order(), versions);
    }

    [Fact]
    public async Task Migrating_again_applies_nothing()
    {
        var applied = await new Migrator(database.Db).MigrateAsync(MigrationCatalog.All, CancellationToken.None);
        Assert.Empty(applied);
    }

    [Fact]
    public async Task A_database_from_a_newer_qdms_is_refused_with_the_unknown_version()
    {
        await using (var c = await database.Db.OpenAsync())
        {
            await c.ExecuteAsync("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 0)");
        }

        try
        {
            var e = await Assert.ThrowsAsync<InvalidOperationException>(() => new Migrator(database.Db).MigrateAsync(MigrationCatalog.All, CancellationToken.None));
            Assert.Contains("9999", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            await using var c = await database.Db.OpenAsync();
            await c.ExecuteAsync("DELETE FROM schema_migrations WHERE version = 9999");
        }
    }

    [Fact]
    public async Task A_failing_migration_leaves_no_trace()
    {
        var broken = new Migration(10_000, "broken", "CREATE TABLE half_done (id INTEGER); THIS IS NOT SQL;");
        await Assert.ThrowsAnyAsync<Exception>(() => new Migrator(database.Db).MigrateAsync([.. MigrationCatalog.All, broken], CancellationToken.None));
        await using var c = await database.Db.OpenAsync();
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations WHERE version = 10000"));
        var tableExists = database.Kind == Testing.DbKind.Sqlite
            ? await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'")
            : await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'half_done'");
        Assert.Equal(0, tableExists);
    }
}

public sealed class SqliteMigratorTests(SqliteDatabase db) : MigratorTests(db), IClassFixture<SqliteDatabase>;

public sealed class PostgresMigratorTests(PostgresDatabase db) : MigratorTests(db), IClassFixture<PostgresDatabase>;
