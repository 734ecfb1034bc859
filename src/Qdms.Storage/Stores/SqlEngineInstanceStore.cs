using System.Data.Common;
using Dapper;
using Qdms.Core.Engines;
using Qdms.Core.Errors;

namespace Qdms.Storage.Stores;

internal sealed class SqlEngineInstanceStore(QdmsDb db) : IEngineInstanceStore
{
    private const string Columns =
        "id AS Id, type AS Type, alias AS Alias, idx AS Idx, config AS Config, desired_state AS DesiredState, actual_state AS ActualState, " +
        "node AS Node, last_error AS LastError, created_at AS CreatedAt, updated_at AS UpdatedAt";

    /// <summary>Two adds of one type racing for the same next index: the loser retries with the index after.</summary>
    private const int IndexAttempts = 5;

    public async Task<IReadOnlyList<EngineInstance>> ListAsync(CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<Row>($"SELECT {Columns} FROM engine_instances ORDER BY type, idx")).Select(r => r.ToInstance()).ToList();
    }

    public async Task<EngineInstance?> GetAsync(long id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM engine_instances WHERE id = @id", new { id }))?.ToInstance();
    }

    public async Task<EngineInstance> CreateAsync(string type, string alias, string config, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        for (var attempt = 1; ; attempt++)
        {
            await using var tx = await c.BeginTransactionAsync(ct);
            if (await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM engine_instances WHERE type = @type AND alias = @alias", new { type, alias }, tx) > 0)
            {
                throw Duplicate(type, alias);
            }

            var index = await c.ExecuteScalarAsync<int>("SELECT COALESCE(MAX(idx), 0) + 1 FROM engine_instances WHERE type = @type", new { type }, tx);
            try
            {
                var id = await c.ExecuteScalarAsync<long>(
                    """
                    INSERT INTO engine_instances (type, alias, idx, config, desired_state, actual_state, node, last_error, created_at, updated_at)
                    VALUES (@type, @alias, @index, @config, @desired, @actual, NULL, NULL, @at, @at) RETURNING id
                    """,
                    new { type, alias, index, config, desired = EngineStateNames.ToDb(EngineDesiredState.Stopped), actual = EngineStateNames.ToDb(EngineState.Inactive), at = Time.ToDb(now) },
                    tx);
                await tx.CommitAsync(ct);
                var at = Time.FromDb(Time.ToDb(now));
                return new EngineInstance(id, type, alias, index, config, EngineDesiredState.Stopped, EngineState.Inactive, null, null, at, at);
            }
            catch (DbException e) when (DbErrors.IsUniqueViolation(e))
            {
                await tx.RollbackAsync(CancellationToken.None);
                if (await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM engine_instances WHERE type = @type AND alias = @alias", new { type, alias }) > 0)
                {
                    throw Duplicate(type, alias);
                }

                if (attempt == IndexAttempts)
                {
                    throw new ConflictException($"Could not give the new {type} engine an index: other engines of the type were being added at the same time; try again.");
                }
            }
        }
    }

    public async Task UpdateDesiredStateAsync(long id, EngineDesiredState desired, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(
            "UPDATE engine_instances SET desired_state = @desired, updated_at = @at WHERE id = @id",
            new { id, desired = EngineStateNames.ToDb(desired), at = Time.ToDb(now) });
    }

    public async Task UpdateActualStateAsync(long id, EngineState actual, string? node, string? lastError, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(
            "UPDATE engine_instances SET actual_state = @actual, node = @node, last_error = @lastError, updated_at = @at WHERE id = @id",
            new { id, actual = EngineStateNames.ToDb(actual), node, lastError, at = Time.ToDb(now) });
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync("DELETE FROM engine_instances WHERE id = @id", new { id }) > 0;
    }

    private static ConflictException Duplicate(string type, string alias) => new($"A {type} engine with alias '{alias}' already exists.");

    private sealed class Row
    {
        public long Id { get; set; }
        public string Type { get; set; } = "";
        public string Alias { get; set; } = "";
        public long Idx { get; set; }
        public string Config { get; set; } = "{}";
        public string DesiredState { get; set; } = "";
        public string ActualState { get; set; } = "";
        public string? Node { get; set; }
        public string? LastError { get; set; }
        public long CreatedAt { get; set; }
        public long UpdatedAt { get; set; }

        public EngineInstance ToInstance() => new(
            Id, Type, Alias, (int)Idx, Config, EngineStateNames.DesiredFromDb(DesiredState), EngineStateNames.ActualFromDb(ActualState),
            Node, LastError, Time.FromDb(CreatedAt), Time.FromDb(UpdatedAt));
    }
}
