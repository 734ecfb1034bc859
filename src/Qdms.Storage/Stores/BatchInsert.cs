using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Qdms.Storage.Stores;

/// <summary>
/// Inserts many rows inside the caller's transaction: on SQLite one prepared single-row statement re-bound per row (no network,
/// so the cheapest path); on PostgreSQL multi-row <c>INSERT … VALUES (…), (…)</c> in batches under its parameter limit.
/// </summary>
internal static class BatchInsert
{
    private const int MaxParameters = 10_000;

    public static async Task RunAsync(Dialect dialect, DbConnection c, DbTransaction tx, string table, string[] columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        if (dialect == Dialect.Sqlite)
        {
            await RunPreparedAsync(c, tx, table, columns, rows, ct);
            return;
        }

        var perBatch = Math.Max(1, MaxParameters / columns.Length);
        var batch = new List<object?[]>(perBatch);
        foreach (var row in rows)
        {
            batch.Add(row);
            if (batch.Count == perBatch)
            {
                await FlushAsync(c, tx, table, columns, batch, ct);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await FlushAsync(c, tx, table, columns, batch, ct);
        }
    }

    private static async Task RunPreparedAsync(DbConnection c, DbTransaction tx, string table, string[] columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, k) => "@p" + k.ToString(CultureInfo.InvariantCulture)))})";
        var parameters = columns.Select((_, k) =>
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@p" + k.ToString(CultureInfo.InvariantCulture);
            cmd.Parameters.Add(p);
            return p;
        }).ToArray();
        await cmd.PrepareAsync(ct);
        foreach (var row in rows)
        {
            for (var k = 0; k < parameters.Length; k++)
            {
                parameters[k].Value = row[k] ?? DBNull.Value;
            }

            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Builds the command by hand: adding thousands of parameters through Dapper checks each name against all before it.</summary>
    private static async Task FlushAsync(DbConnection c, DbTransaction tx, string table, string[] columns, List<object?[]> rows, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        var sql = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ");
        for (var r = 0; r < rows.Count; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var k = 0; k < columns.Length; k++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@p{r}_{k}");
                sql.Append(k == 0 ? "" : ", ").Append(name);
                var parameter = cmd.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = rows[r][k] ?? DBNull.Value;
                cmd.Parameters.Add(parameter);
            }

            sql.Append(')');
        }

        cmd.CommandText = sql.ToString();
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
