using Dapper;

namespace Qdms.Storage.Tests;

public abstract class DatabaseFailuresTests(TestDatabase database)
{
    [Fact]
    public async Task A_query_bug_is_not_mistaken_for_an_unavailable_database()
    {
        await using var c = await database.Db.OpenAsync();
        var e = await Assert.ThrowsAnyAsync<Exception>(() => c.ExecuteAsync("SELECT no_such_column FROM tenants"));
        Assert.False(DatabaseFailures.IsUnavailable(e));
    }

    [Fact]
    public async Task A_database_that_cannot_be_opened_is_unavailable()
    {
        var options = database.Kind == Testing.DbKind.Postgres
            ? new StorageOptions { ConnectionString = "Host=127.0.0.1;Port=1;Database=none;Username=x;Password=y;Timeout=2" }
            : new StorageOptions { ConnectionString = $"Data Source={Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))}.db;Mode=ReadOnly" };
        using var db = new QdmsDb(options);
        var e = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var c = await db.OpenAsync();
        });
        Assert.True(DatabaseFailures.IsUnavailable(e), e.ToString());
    }
}

public sealed class SqliteDatabaseFailuresTests(SqliteDatabase db) : DatabaseFailuresTests(db), IClassFixture<SqliteDatabase>;

public sealed class PostgresDatabaseFailuresTests(PostgresDatabase db) : DatabaseFailuresTests(db), IClassFixture<PostgresDatabase>;
