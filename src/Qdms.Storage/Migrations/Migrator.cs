using System.Data.Common;
using Dapper;

namespace Qdms.Storage.Migrations;

/// <summary>
/// Applies the catalog's missing migrations at start-up, each in its own transaction, and records them in
/// <c>schema_migrations</c>. On PostgreSQL an advisory lock keeps two nodes from migrating at once.
/// </summary>
public sealed class Migrator(QdmsDb db)
{
    private const long PostgresLockKey = 0x5144_4D53; // "QDMS"

    /// <summary>Applies what is missing; returns the versions applied now.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(IReadOnlyList<Migration> migrations, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        if (db.Dialect == Dialect.Sqlite)
        {
            await connection.ExecuteAsync("PRAGMA journal_mode=WAL;");
        }
        else
        {
            await connection.ExecuteAsync("SELECT pg_advisory_lock(@key)", new { key = PostgresLockKey });
        }

        try
        {
            await connection.ExecuteAsync(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
            var applied = (await connection.QueryAsync<int>("SELECT version FROM schema_migrations")).ToHashSet();
            var known = migrations.Select(m => m.Version).ToHashSet();
            var unknown = applied.Where(v => !known.Contains(v)).ToList();
            if (unknown.Count > 0)
            {
                throw new InvalidOperationException(
                    $"The database has schema version(s) {string.Join(", ", unknown)} that this QDMS does not know: it was written by a newer QDMS.");
            }

            var done = new List<int>();
            foreach (var migration in migrations.OrderBy(m => m.Version).Where(m => !applied.Contains(m.Version)))
            {
                await ApplyAsync(connection, migration, ct);
                done.Add(migration.Version);
            }

            return done;
        }
        finally
        {
            if (db.Dialect == Dialect.Postgres)
            {
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = PostgresLockKey });
            }
        }
    }

    private async Task ApplyAsync(DbConnection connection, Migration migration, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(db.Dialect.Expand(migration.Sql), transaction: tx);
        await connection.ExecuteAsync(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @At)",
            new { migration.Version, migration.Name, At = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() },
            tx);
        await tx.CommitAsync(ct);
    }
}
