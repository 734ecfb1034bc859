using Qdms.Core.Engines;
using Qdms.Core.Errors;

namespace Qdms.Core.Tests.Engines;

/// <summary>The store contract in memory, for driving the manager without a database.</summary>
internal sealed class InMemoryEngineInstanceStore : IEngineInstanceStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, EngineInstance> _rows = [];
    private long _nextId;

    public Task<IReadOnlyList<EngineInstance>> ListAsync(CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<EngineInstance>>([.. _rows.Values.OrderBy(r => r.Type, StringComparer.Ordinal).ThenBy(r => r.Index)]);
        }
    }

    public Task<EngineInstance?> GetAsync(long id, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.GetValueOrDefault(id));
        }
    }

    public Task<EngineInstance> CreateAsync(string type, string alias, string config, DateTimeOffset now, CancellationToken ct)
    {
        lock (_lock)
        {
            if (_rows.Values.Any(r => r.Type == type && r.Alias == alias))
            {
                throw new ConflictException($"A {type} engine with alias '{alias}' already exists.");
            }

            var index = _rows.Values.Where(r => r.Type == type).Select(r => r.Index).DefaultIfEmpty(0).Max() + 1;
            var row = new EngineInstance(++_nextId, type, alias, index, config, EngineDesiredState.Stopped, EngineState.Inactive, null, null, now, now);
            _rows[row.Id] = row;
            return Task.FromResult(row);
        }
    }

    public Task UpdateDesiredStateAsync(long id, EngineDesiredState desired, DateTimeOffset now, CancellationToken ct)
    {
        lock (_lock)
        {
            _rows[id] = _rows[id] with { DesiredState = desired, UpdatedAt = now };
        }

        return Task.CompletedTask;
    }

    public Task UpdateActualStateAsync(long id, EngineState actual, string? node, string? lastError, DateTimeOffset now, CancellationToken ct)
    {
        lock (_lock)
        {
            if (_rows.TryGetValue(id, out var row))
            {
                _rows[id] = row with { ActualState = actual, Node = node, LastError = lastError, UpdatedAt = now };
            }
        }

        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(long id, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.Remove(id));
        }
    }
}
