using System.Data;
using System.Data.Common;
using System.Globalization;

namespace Qdms.Storage.Stores;

/// <summary>
/// Runs many parameterised statements inside the caller's transaction with the fewest round trips each database allows: on
/// SQLite each statement is prepared once and re-bound per row (in process, no network, so running it at once is cheapest); on
/// PostgreSQL every statement joins one <see cref="DbBatch"/> sent in a single round trip by <see cref="FlushAsync"/>.
/// Statements name their parameters <c>@p0</c>, <c>@p1</c> … in the order of <see cref="Statement.Types"/>.
/// </summary>
internal sealed class StatementBatch(Dialect dialect, DbConnection c, DbTransaction tx) : IAsyncDisposable
{
    private readonly Dictionary<Statement, (DbCommand Command, DbParameter[] Parameters)> _prepared = [];
    private DbBatch? _batch;

    /// <summary>A statement text and the type of each of its parameters (a null value is sent with that type).</summary>
    public sealed record Statement(string Sql, params DbType[] Types)
    {
        /// <summary>The text with PostgreSQL's positional placeholders (<c>$1</c> …).</summary>
        public string Positional { get; } = ToPositional(Sql, Types.Length);
    }

    public async Task AddAsync(Statement statement, object?[] values, CancellationToken ct)
    {
        if (dialect == Dialect.Postgres)
        {
            _batch ??= CreateBatch();
            var command = _batch.CreateBatchCommand();
            command.CommandText = statement.Positional;
            for (var k = 0; k < values.Length; k++)
            {
                var p = command.CreateParameter();
                p.DbType = statement.Types[k];
                p.Value = values[k] ?? DBNull.Value;
                command.Parameters.Add(p);
            }

            _batch.BatchCommands.Add(command);
            return;
        }

        if (!_prepared.TryGetValue(statement, out var prepared))
        {
            var command = c.CreateCommand();
            command.Transaction = tx;
            command.CommandText = statement.Sql;
            var parameters = statement.Types.Select((type, k) =>
            {
                var p = command.CreateParameter();
                p.ParameterName = Name(k);
                p.DbType = type;
                command.Parameters.Add(p);
                return p;
            }).ToArray();
            await command.PrepareAsync(ct);
            prepared = (command, parameters);
            _prepared[statement] = prepared;
        }

        for (var k = 0; k < values.Length; k++)
        {
            prepared.Parameters[k].Value = values[k] ?? DBNull.Value;
        }

        await prepared.Command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Sends what is batched (PostgreSQL); on SQLite everything already ran.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (_batch is { } batch && batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(ct);
            await batch.DisposeAsync();
            _batch = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (command, _) in _prepared.Values)
        {
            await command.DisposeAsync();
        }

        if (_batch is not null)
        {
            await _batch.DisposeAsync();
        }
    }

    private DbBatch CreateBatch()
    {
        var batch = c.CreateBatch();
        batch.Transaction = tx;
        return batch;
    }

    private static string Name(int k) => "@p" + k.ToString(CultureInfo.InvariantCulture);

    private static string ToPositional(string sql, int count)
    {
        for (var k = count - 1; k >= 0; k--)
        {
            sql = sql.Replace(Name(k), "$" + (k + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return sql;
    }
}
