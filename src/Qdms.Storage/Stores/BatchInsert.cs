using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;

namespace Qdms.Storage.Stores;

/// <summary>Multi-row <c>INSERT … VALUES (…), (…)</c> in batches that stay under both databases' parameter limits.</summary>
internal static class BatchInsert
{
    private const int MaxParameters = 30_000;

    public static async Task RunAsync(DbConnection c, DbTransaction tx, string table, string[] columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
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

    private static Task FlushAsync(DbConnection c, DbTransaction tx, string table, string[] columns, List<object?[]> rows, CancellationToken ct)
    {
        var sql = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ");
        var p = new DynamicParameters();
        for (var r = 0; r < rows.Count; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var k = 0; k < columns.Length; k++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"p{r}_{k}");
                sql.Append(k == 0 ? "@" : ", @").Append(name);
                p.Add(name, rows[r][k]);
            }

            sql.Append(')');
        }

        return c.ExecuteAsync(new CommandDefinition(sql.ToString(), p, tx, cancellationToken: ct));
    }
}
