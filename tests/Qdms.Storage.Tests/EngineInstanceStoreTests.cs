using Dapper;
using Qdms.Core.Engines;
using Qdms.Core.Errors;
using Qdms.Storage.Stores;

namespace Qdms.Storage.Tests;

public abstract class EngineInstanceStoreTests(TestDatabase database)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_123);

    private readonly SqlEngineInstanceStore _store = new(database.Db);

    /// <summary>A type name of this test's own, so tests sharing the database do not see each other's instances.</summary>
    private static string NewType() => "t" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task A_new_instance_is_stored_stopped_and_inactive_with_index_1()
    {
        var type = NewType();
        var created = await _store.CreateAsync(type, "main", """{"port":7000}""", Now, CancellationToken.None);
        Assert.Equal(1, created.Index);

        var read = await _store.GetAsync(created.Id, CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal((type, "main", 1, """{"port":7000}""", EngineDesiredState.Stopped, EngineState.Inactive, Now),
            (read.Type, read.Alias, read.Index, read.Config, read.DesiredState, read.ActualState, read.CreatedAt));
    }

    [Fact]
    public async Task Indexes_count_per_type_and_are_not_compacted_when_one_is_removed()
    {
        var type = NewType();
        var other = NewType();
        var a = await _store.CreateAsync(type, "a", "{}", Now, CancellationToken.None);
        var b = await _store.CreateAsync(type, "b", "{}", Now, CancellationToken.None);
        var c = await _store.CreateAsync(type, "c", "{}", Now, CancellationToken.None);
        var x = await _store.CreateAsync(other, "a", "{}", Now, CancellationToken.None);
        Assert.Equal([1, 2, 3, 1], [a.Index, b.Index, c.Index, x.Index]);

        Assert.True(await _store.DeleteAsync(b.Id, CancellationToken.None));
        var d = await _store.CreateAsync(type, "d", "{}", Now, CancellationToken.None);
        Assert.Equal(4, d.Index);
        var mine = (await _store.ListAsync(CancellationToken.None)).Where(i => i.Type == type).ToList();
        Assert.Equal([("a", 1), ("c", 3), ("d", 4)], mine.Select(i => (i.Alias, i.Index)));
    }

    [Fact]
    public async Task A_duplicate_alias_within_a_type_is_a_conflict_and_leaves_nothing_behind()
    {
        var type = NewType();
        await _store.CreateAsync(type, "main", "{}", Now, CancellationToken.None);
        var e = await Assert.ThrowsAsync<ConflictException>(() => _store.CreateAsync(type, "main", "{}", Now, CancellationToken.None));
        Assert.Contains("main", e.Message, StringComparison.Ordinal);
        await using var c = await database.Db.OpenAsync();
        Assert.Equal(1, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM engine_instances WHERE type = @type", new { type }));
    }

    [Fact]
    public async Task Concurrent_adds_of_one_type_get_distinct_indexes()
    {
        var type = NewType();
        var created = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => Task.Run(() => _store.CreateAsync(type, $"e{i}", "{}", Now, CancellationToken.None))));
        Assert.Equal([1, 2, 3, 4, 5, 6], created.Select(i => i.Index).Order());
    }

    [Fact]
    public async Task Desired_and_actual_states_are_updated_separately()
    {
        var created = await _store.CreateAsync(NewType(), "main", "{}", Now, CancellationToken.None);
        await _store.UpdateDesiredStateAsync(created.Id, EngineDesiredState.Running, Now.AddSeconds(1), CancellationToken.None);
        await _store.UpdateActualStateAsync(created.Id, EngineState.Failed, "node-1", "port taken", Now.AddSeconds(2), CancellationToken.None);
        var read = await _store.GetAsync(created.Id, CancellationToken.None);
        Assert.Equal((EngineDesiredState.Running, EngineState.Failed, "node-1", "port taken", Now.AddSeconds(2)),
            (read!.DesiredState, read.ActualState, read.Node, read.LastError, read.UpdatedAt));

        await _store.UpdateActualStateAsync(created.Id, EngineState.Active, "node-1", null, Now.AddSeconds(3), CancellationToken.None);
        read = await _store.GetAsync(created.Id, CancellationToken.None);
        Assert.Equal((EngineDesiredState.Running, EngineState.Active, (string?)null), (read!.DesiredState, read.ActualState, read.LastError));
    }

    [Fact]
    public async Task Deleting_a_missing_instance_reports_false()
    {
        Assert.False(await _store.DeleteAsync(long.MaxValue, CancellationToken.None));
        Assert.Null(await _store.GetAsync(long.MaxValue, CancellationToken.None));
    }
}

public sealed class SqliteEngineInstanceStoreTests(SqliteDatabase db) : EngineInstanceStoreTests(db), IClassFixture<SqliteDatabase>;

public sealed class PostgresEngineInstanceStoreTests(PostgresDatabase db) : EngineInstanceStoreTests(db), IClassFixture<PostgresDatabase>;
