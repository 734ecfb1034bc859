using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Qdms.Core.Audit;
using Qdms.Core.Errors;
using Qdms.Core.Security;

namespace Qdms.Core.Engines;

/// <summary>
/// The DM engine manager (IF-01): adds, removes, starts, stops and reports engine instances by type and alias or index,
/// and starts and stops the QDMS service as a whole. Instances are persisted with their desired state; the server restores
/// them at start-up (<see cref="InitializeAsync"/>).
/// </summary>
/// <remarks>
/// Rights: engines are system-wide, so any signed-in user (viewer and up) may read them, and only a sysop may change them;
/// a tenant's admin cannot stop the system's engines.
/// Engine faults never escape: a start that throws or times out leaves that instance <see cref="EngineState.Failed"/> with
/// the error, and the others run on. Start, stop and remove of one instance are serialised by a per-instance gate.
/// </remarks>
public sealed partial class EngineManager(
    IEngineInstanceStore store,
    EngineTypeRegistry types,
    IEnumerable<IQdmsServiceComponent> components,
    AuditLog audit,
    TimeProvider time,
    ILogger<EngineManager> logger)
{
    private readonly ConcurrentDictionary<long, EngineSlot> _slots = new();
    private readonly IReadOnlyList<IQdmsServiceComponent> _components = [.. components];

    /// <summary>The name this node records on the instances it runs.</summary>
    public string Node { get; } = Environment.MachineName;

    /// <summary>How long one engine may take to start or to stop before it counts as failed.</summary>
    public TimeSpan EngineTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The engine types known to this server.</summary>
    public IReadOnlyList<IDmEngineType> ListTypes(Caller caller)
    {
        caller.Require(Role.Viewer);
        return types.All;
    }

    /// <summary>Every instance with its live status.</summary>
    public async Task<IReadOnlyList<EngineView>> ListAsync(Caller caller, CancellationToken ct)
    {
        caller.Require(Role.Viewer);
        return (await RefreshAsync(ct)).Select(ViewOf).ToList();
    }

    /// <summary>QueryDmEngineSts (IF-01-08): one instance by type and index.</summary>
    public async Task<EngineView> QueryAsync(Caller caller, string type, int index, CancellationToken ct)
    {
        caller.Require(Role.Viewer);
        if (index == 0)
        {
            throw new ValidationException("index", "index 0 means all engines of a type; query one engine by its index (from 1), or list them all.");
        }

        return ViewOf((await ResolveAsync(type, index, ct))[0]);
    }

    /// <summary>
    /// A read-only picture of every instance this node knows, without touching the database: for the /metrics writer.
    /// Cheap and safe to call from any thread; empty until <see cref="InitializeAsync"/> has run.
    /// </summary>
    public IReadOnlyList<EngineSnapshot> Snapshot() =>
        _slots.Values.Where(s => !s.Removed)
            .Select(s => new EngineSnapshot(s.Instance.Type, s.Instance.Alias, s.Instance.Index, s.Status().State))
            .OrderBy(s => s.Type, StringComparer.Ordinal).ThenBy(s => s.Index)
            .ToList();

    /// <summary>AddDmEngine (IF-01-04): a new, stopped instance. The config is merged with the type's defaults and checked by the type.</summary>
    public async Task<EngineView> AddAsync(Caller caller, string type, string alias, JsonElement? config, CancellationToken ct)
    {
        caller.Require(Role.Sysop);
        var engineType = types.Get(type);
        ValidateAlias(alias);
        var merged = EngineConfig.MergeAndValidate(engineType, config);
        var instance = await store.CreateAsync(type, alias, merged, time.GetUtcNow(), ct);
        var slot = _slots.GetOrAdd(instance.Id, _ => new EngineSlot(instance));
        await audit.RecordAsync(caller, "engine.add", Target(instance), null, $"index {instance.Index}", ct);
        return ViewOf(slot);
    }

    /// <summary>RemoveDmEngine (IF-01-05): stops the instance if it runs, then deletes it.</summary>
    public async Task RemoveAsync(Caller caller, string type, string alias, CancellationToken ct)
    {
        caller.Require(Role.Sysop);
        types.Get(type);
        var slot = (await RefreshAsync(ct)).FirstOrDefault(s => s.Instance.Type == type && s.Instance.Alias == alias)
            ?? throw new NotFoundException($"There is no {type} engine with alias '{alias}'.");
        await slot.Gate.WaitAsync(ct);
        try
        {
            if (slot.Removed)
            {
                throw new NotFoundException($"There is no {type} engine with alias '{alias}'.");
            }

            await StopEngineAsync(slot);
            await store.DeleteAsync(slot.Instance.Id, CancellationToken.None);
            slot.Removed = true;
            _slots.TryRemove(slot.Instance.Id, out _);
        }
        finally
        {
            slot.Gate.Release();
        }

        await audit.RecordAsync(caller, "engine.remove", Target(slot.Instance), null, $"index {slot.Instance.Index}", ct);
    }

    private EngineView ViewOf(EngineSlot slot)
    {
        types.TryGet(slot.Instance.Type, out var type);
        return new EngineView(slot.Instance, slot.Status(), EngineConfig.Redact(type, slot.Instance.Config));
    }

    /// <summary>Reads the instances from the database and pairs each with its slot (made on first sight), by type then index.</summary>
    private async Task<IReadOnlyList<EngineSlot>> RefreshAsync(CancellationToken ct)
    {
        var instances = await store.ListAsync(ct);
        var slots = new List<EngineSlot>(instances.Count);
        foreach (var instance in instances)
        {
            var slot = _slots.GetOrAdd(instance.Id, _ => new EngineSlot(instance));
            slot.Instance = instance;
            slots.Add(slot);
        }

        return slots;
    }

    /// <summary>The instances a type and index name: one, or for index 0 all of the type. 400 for an unknown type, 404 for a missing index.</summary>
    private async Task<IReadOnlyList<EngineSlot>> ResolveAsync(string type, int index, CancellationToken ct)
    {
        types.Get(type);
        if (index < 0)
        {
            throw new ValidationException("index", $"index must be 0 (all {type} engines) or an engine's index from 1; {index} is neither.");
        }

        var ofType = (await RefreshAsync(ct)).Where(s => s.Instance.Type == type).ToList();
        if (index == 0)
        {
            return ofType;
        }

        var match = ofType.FirstOrDefault(s => s.Instance.Index == index);
        return match is not null ? [match] : throw new NotFoundException($"There is no {type} engine with index {index}; {DescribeIndexes(type, ofType)}.");
    }

    private static string DescribeIndexes(string type, List<EngineSlot> ofType)
    {
        var indexes = ofType.Select(s => s.Instance.Index).Order().ToList();
        if (indexes.Count == 0)
        {
            return $"there are no {type} engines";
        }

        if (indexes.Count == 1)
        {
            return $"the only {type} index is {indexes[0]} (0 = all)";
        }

        var contiguous = indexes[^1] - indexes[0] + 1 == indexes.Count;
        return contiguous
            ? $"valid {type} indexes are {indexes[0]}–{indexes[^1]} (0 = all)"
            : $"valid {type} indexes are {string.Join(", ", indexes)} (0 = all)";
    }

    private static void ValidateAlias(string alias)
    {
        if (string.IsNullOrEmpty(alias) || alias.Length > 64 || !alias.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            throw new ValidationException("alias", "alias must be 1–64 characters of letters, digits, '.', '-' or '_'.");
        }
    }

    private static string Target(EngineInstance instance) => $"engine/{instance.Type}/{instance.Alias}";
}
