namespace Qdms.Core.Engines;

/// <summary>Engine instances are system-wide (not tenant-owned), so no tenant scope applies.</summary>
public interface IEngineInstanceStore
{
    /// <summary>All instances, by type then index.</summary>
    Task<IReadOnlyList<EngineInstance>> ListAsync(CancellationToken ct);

    Task<EngineInstance?> GetAsync(long id, CancellationToken ct);

    /// <summary>
    /// Inserts with the next index of its type (highest + 1), in one transaction. An alias already used by the type is a
    /// <see cref="Errors.ConflictException"/>.
    /// </summary>
    Task<EngineInstance> CreateAsync(string type, string alias, string config, DateTimeOffset now, CancellationToken ct);

    Task UpdateDesiredStateAsync(long id, EngineDesiredState desired, DateTimeOffset now, CancellationToken ct);

    Task UpdateActualStateAsync(long id, EngineState actual, string? node, string? lastError, DateTimeOffset now, CancellationToken ct);

    Task<bool> DeleteAsync(long id, CancellationToken ct);
}
